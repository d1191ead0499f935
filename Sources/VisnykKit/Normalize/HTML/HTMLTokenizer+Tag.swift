extension HTMLTokenizer {
    /// Tag name, attributes and self-closing flag (tag open → … → data states). Returns nil
    /// when the input ends inside the tag: HTML drops such a tag.
    mutating func tag(nameAt nameStart: Int, isEnd: Bool) -> HTMLToken? {
        let end = bytes.count
        var j = nameStart
        while j < end, !bytes[j].isHTMLWhitespace, bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">") { j += 1 }
        tagName = name(nameStart..<j)
        attributes.removeAll(keepingCapacity: true)
        selfClosing = false
        while true {
            while j < end, bytes[j].isHTMLWhitespace { j += 1 }
            guard j < end else { return droppedAtEnd() }
            let c = bytes[j]
            if c == UInt8(ascii: ">") {
                return emitTag(after: j, isEnd: isEnd)
            }
            if c == UInt8(ascii: "/") {
                j += 1
                guard j < end else { return droppedAtEnd() }
                if bytes[j] == UInt8(ascii: ">") {
                    selfClosing = true
                    return emitTag(after: j, isEnd: isEnd)
                }
                continue
            }
            let attributeStart = j
            j += 1
            while j < end, !bytes[j].isHTMLWhitespace, bytes[j] != UInt8(ascii: "/"),
                  bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "=") { j += 1 }
            let attributeEnd = j
            while j < end, bytes[j].isHTMLWhitespace { j += 1 }
            var value = j..<j
            if j < end, bytes[j] == UInt8(ascii: "=") {
                j += 1
                while j < end, bytes[j].isHTMLWhitespace { j += 1 }
                guard j < end else { return droppedAtEnd() }
                let quote = bytes[j]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = firstIndex(of: quote, from: j + 1) else { return droppedAtEnd() }
                    value = (j + 1)..<close
                    j = close + 1
                } else if quote != UInt8(ascii: ">") {
                    let valueStart = j
                    while j < end, !bytes[j].isHTMLWhitespace, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    value = valueStart..<j
                }
            }
            if !isEnd { addAttribute(attributeStart..<attributeEnd, value: value) }
        }
    }

    private mutating func emitTag(after close: Int, isEnd: Bool) -> HTMLToken {
        position = close + 1
        if isEnd { return .endTag }
        if !foreignContent, let mode = HTMLTextMode.of(tagName) {
            pendingTextMode = (mode, Array(tagName.utf8))
        }
        return .startTag
    }

    private mutating func droppedAtEnd() -> HTMLToken? {
        position = bytes.count
        return nil
    }

    private mutating func addAttribute(_ range: Range<Int>, value: Range<Int>) {
        guard attributes.count < Self.maxAttributes else { return }
        let attributeName = name(range)
        for existing in attributes where existing.name == attributeName { return }
        attributes.append(HTMLAttribute(name: attributeName, value: value))
    }

    /// A tag or attribute name: ASCII upper case lowered, NUL → U+FFFD.
    private mutating func name(_ range: Range<Int>) -> String {
        var plain = true
        for i in range {
            let b = bytes[i]
            if (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == 0 {
                plain = false
                break
            }
        }
        if plain { return String(decoding: bytes[range], as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        for i in range {
            let b = bytes[i]
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") {
                scratch.append(b | 0x20)
            } else if b == 0 {
                scratch.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                scratch.append(b)
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }
}
