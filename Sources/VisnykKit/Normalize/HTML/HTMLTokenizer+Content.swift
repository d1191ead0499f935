extension HTMLTokenizer {
    /// Content of a script, raw-text, RCDATA or plaintext element, up to (not including) its
    /// end tag, which the next call then tokenizes normally. Nil when the content is empty.
    mutating func scanContent(_ mode: HTMLTextMode, endName: [UInt8]) -> HTMLToken? {
        let start = position
        let end = bytes.count
        let stop: Int
        switch mode {
        case .plaintext: stop = end
        case .script: stop = scriptEnd(from: start, name: endName)
        case .rawText, .rcdata: stop = endTag(endName, from: start) ?? end
        }
        position = stop
        guard stop > start else { return nil }
        return mode == .rcdata ? .text(start..<stop) : .rawText(start..<stop)
    }

    /// Index of the next "</name" followed by white space, '/' or '>' (an "appropriate end tag").
    private func endTag(_ name: [UInt8], from start: Int) -> Int? {
        var i = start
        while let lt = firstIndex(of: UInt8(ascii: "<"), from: i) {
            if isEndTag(name, at: lt) { return lt }
            i = lt + 1
        }
        return nil
    }

    private func isEndTag(_ name: [UInt8], at lt: Int) -> Bool {
        let nameStart = lt + 2
        let delimiter = nameStart + name.count
        guard delimiter < bytes.count, bytes[lt + 1] == UInt8(ascii: "/") else { return false }
        for k in 0..<name.count where bytes[nameStart + k] | 0x20 != name[k] || !bytes[nameStart + k].isHTMLASCIIAlpha {
            return false
        }
        let d = bytes[delimiter]
        return d.isHTMLWhitespace || d == UInt8(ascii: "/") || d == UInt8(ascii: ">")
    }

    private func isStartTag(_ name: [UInt8], at lt: Int) -> Bool {
        let nameStart = lt + 1
        let delimiter = nameStart + name.count
        guard delimiter < bytes.count else { return false }
        for k in 0..<name.count where bytes[nameStart + k] | 0x20 != name[k] || !bytes[nameStart + k].isHTMLASCIIAlpha {
            return false
        }
        let d = bytes[delimiter]
        return d.isHTMLWhitespace || d == UInt8(ascii: "/") || d == UInt8(ascii: ">")
    }

    /// Script data with its escaped ("<!--") and double-escaped ("<!--<script>") states, in
    /// which "</script>" does or does not end the element.
    private func scriptEnd(from start: Int, name: [UInt8]) -> Int {
        enum State { case data, escaped, doubleEscaped }
        var state = State.data
        var dashes = 0
        var i = start
        let end = bytes.count
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "-") {
                dashes += 1
                i += 1
                continue
            }
            if b == UInt8(ascii: ">"), dashes >= 2, state != .data {
                state = .data
            } else if b == UInt8(ascii: "<") {
                switch state {
                case .data:
                    if isEndTag(name, at: i) { return i }
                    if i + 3 < end, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                        state = .escaped
                        dashes = 2
                        i += 4
                        continue
                    }
                case .escaped:
                    if isEndTag(name, at: i) { return i }
                    if isStartTag(name, at: i) { state = .doubleEscaped }
                case .doubleEscaped:
                    if isEndTag(name, at: i) { state = .escaped }
                }
            }
            dashes = 0
            i += 1
        }
        return end
    }
}
