extension XMLElement {
    /// The concatenated character data of this element's direct text children.
    var text: String {
        withDirectText { ValidUTF8String.make($0) }
    }

    /// All descendant character data, in document order.
    var deepText: String {
        var bytes: [UInt8] = []
        appendDeepText(to: &bytes)
        return bytes.withUnsafeBufferPointer { ValidUTF8String.make($0) }
    }

    /// The trimmed text (all descendant text when markup sneaked in), or nil when it is empty.
    var trimmedText: String? {
        if hasElementChildren {
            var bytes: [UInt8] = []
            appendDeepText(to: &bytes)
            return bytes.withUnsafeBufferPointer(Self.trimmedString)
        }
        return withDirectText(Self.trimmedString)
    }

    /// True when the direct text is empty or XML white space only.
    var directTextIsBlank: Bool {
        withDirectText { Self.trimmedRange($0).isEmpty }
    }

    /// Calls `body` with the direct text's bytes: no copy in the usual case of one text node.
    func withDirectText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let nodes = document.nodes
        var single: XMLDocument.NodeRecord?
        var several = false
        var cursor = record.firstChild
        while cursor >= 0 {
            let node = nodes[Int(cursor)]
            if node.element < 0 {
                if single == nil {
                    single = node
                } else {
                    several = true
                    break
                }
            }
            cursor = node.next
        }
        guard several else {
            guard let single else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return document.withText(of: single, body)
        }
        var joined: [UInt8] = []
        cursor = record.firstChild
        while cursor >= 0 {
            let node = nodes[Int(cursor)]
            if node.element < 0 {
                document.withText(of: node) { joined.append(contentsOf: $0) }
            }
            cursor = node.next
        }
        return joined.withUnsafeBufferPointer(body)
    }

    /// Depth is bounded by the builder (256 levels), so the recursion is too.
    private func appendDeepText(to bytes: inout [UInt8]) {
        let nodes = document.nodes
        var cursor = record.firstChild
        while cursor >= 0 {
            let node = nodes[Int(cursor)]
            if node.element >= 0 {
                XMLElement(document: document, index: node.element).appendDeepText(to: &bytes)
            } else {
                document.withText(of: node) { bytes.append(contentsOf: $0) }
            }
            cursor = node.next
        }
    }

    private static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let range = trimmedRange(bytes)
        guard !range.isEmpty else { return nil }
        return ValidUTF8String.make(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The range without leading and trailing XML white space (space, tab, CR, LF) only:
    /// U+00A0 and friends are content.
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end, isXMLSpace(bytes[start]) { start += 1 }
        while end > start, isXMLSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

extension StringProtocol {
    /// Trims XML white space (space, tab, CR, LF) only: U+00A0 and friends are content.
    func trimmingXMLWhitespace() -> String {
        let whole = Substring(self)
        let utf8 = whole.utf8
        if let first = utf8.first, let last = utf8.last, !Self.isXMLSpace(first), !Self.isXMLSpace(last) {
            return String(whole)
        }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, Self.isXMLSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, Self.isXMLSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(whole[start..<end])
    }

    private static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
