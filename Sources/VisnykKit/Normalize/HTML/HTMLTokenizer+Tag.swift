extension HTMLTokenizer {
    /// Tag name, attributes and self-closing flag (tag open → … → data states). Returns nil
    /// when the input ends inside the tag: HTML drops such a tag.
    mutating func tag(nameAt nameStart: Int, isEnd: Bool) -> HTMLToken? {
        tag(bytes, nameAt: nameStart, isEnd: isEnd)
    }

    private mutating func tag(_ p: UnsafeBufferPointer<UInt8>, nameAt nameStart: Int, isEnd: Bool) -> HTMLToken? {
        let end = p.count
        var j = nameStart
        while j < end, !Self.endsName(p[j]) { j += 1 }
        tagNameRange = nameStart..<j
        tag = HTMLElement.named(p, tagNameRange)
        attributes.removeAll(keepingCapacity: true)
        seenAttributes = 0
        selfClosing = false
        while true {
            while j < end, p[j].isHTMLWhitespace { j += 1 }
            guard j < end else { return droppedAtEnd() }
            let c = p[j]
            if c == UInt8(ascii: ">") {
                return emitTag(after: j, isEnd: isEnd)
            }
            if c == UInt8(ascii: "/") {
                j += 1
                guard j < end else { return droppedAtEnd() }
                if p[j] == UInt8(ascii: ">") {
                    selfClosing = true
                    return emitTag(after: j, isEnd: isEnd)
                }
                continue
            }
            let attributeStart = j
            j += 1
            while j < end, !Self.endsName(p[j]), p[j] != UInt8(ascii: "=") { j += 1 }
            let attributeEnd = j
            while j < end, p[j].isHTMLWhitespace { j += 1 }
            var value = j..<j
            if j < end, p[j] == UInt8(ascii: "=") {
                j += 1
                while j < end, p[j].isHTMLWhitespace { j += 1 }
                guard j < end else { return droppedAtEnd() }
                let quote = p[j]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let close = HTMLByteSearch.firstIndex(of: quote, in: p, from: j + 1, to: end)
                    guard close < end else { return droppedAtEnd() }
                    value = (j + 1)..<close
                    j = close + 1
                } else if quote != UInt8(ascii: ">") {
                    let valueStart = j
                    while j < end, !p[j].isHTMLWhitespace, p[j] != UInt8(ascii: ">") { j += 1 }
                    value = valueStart..<j
                }
            }
            if !isEnd { addAttribute(p, attributeStart..<attributeEnd, value: value) }
        }
    }

    @inline(__always)
    private static func endsName(_ b: UInt8) -> Bool {
        b.isHTMLWhitespace || b == UInt8(ascii: "/") || b == UInt8(ascii: ">")
    }

    private mutating func emitTag(after close: Int, isEnd: Bool) -> HTMLToken {
        position = close + 1
        if isEnd { return .endTag }
        if !foreignContent, let mode = HTMLTextMode.of(tag) {
            pendingTextMode = (mode, Array(tag.name.utf8))
        }
        return .startTag
    }

    private mutating func droppedAtEnd() -> HTMLToken? {
        position = bytes.count
        return nil
    }

    /// Keeps the first of attributes with the same name, and at most `maxAttributes`.
    private mutating func addAttribute(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, value: Range<Int>) {
        guard attributes.count < Self.maxAttributes else { return }
        let id = HTMLAttributeName.named(p, range)
        if id != .unknown {
            let bit: UInt64 = 1 << UInt64(id.rawValue)
            if seenAttributes & bit != 0 { return }
            seenAttributes |= bit
        } else {
            for existing in attributes where existing.id == .unknown && Self.sameName(p, existing.nameRange, range) { return }
        }
        attributes.append(HTMLAttribute(id: id, nameRange: range, value: value))
    }

    /// Whether two names as written are the same name (ASCII case-insensitively, NUL read as U+FFFD).
    private static func sameName(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.count == b.count {
            var same = true
            for k in 0..<a.count {
                let x = p[a.lowerBound + k], y = p[b.lowerBound + k]
                if x == 0 || y == 0 {
                    same = false
                    break
                }
                if x != y, lowered(x) != lowered(y) { return false }
            }
            if same { return true }
        }
        guard p[a].contains(0) || p[b].contains(0) else { return false }
        return normalizedName(p, a) == normalizedName(p, b)
    }

    @inline(__always)
    private static func lowered(_ b: UInt8) -> UInt8 {
        b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b
    }

    /// A tag or attribute name: ASCII upper case lowered, NUL → U+FFFD.
    static func normalizedName(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var name: [UInt8] = []
        name.reserveCapacity(range.count)
        for i in range {
            let b = p[i]
            if b == 0 {
                name.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                name.append(lowered(b))
            }
        }
        return name
    }

    /// The current tag's name, normalized.
    var tagName: String { name(tagNameRange) }

    /// An attribute's name, normalized.
    func name(of attribute: HTMLAttribute) -> String { name(attribute.nameRange) }

    private func name(_ range: Range<Int>) -> String {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
        return String(decoding: Self.normalizedName(bytes, range), as: UTF8.self)
    }
}
