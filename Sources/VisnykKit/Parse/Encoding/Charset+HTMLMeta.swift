extension Charset {
    /// The charset an HTML page declares in its first 1,024 bytes (the HTML5 prescan's reach):
    /// `<meta charset="…">`, or `<meta http-equiv="Content-Type" content="…; charset=…">`.
    /// A simplified prescan: the first `<meta` tag with a `charset=` in it wins; comments and
    /// other tags are skipped by looking only inside `<meta …>`.
    public static func charset(fromHTMLMeta bytes: [UInt8]) -> String? {
        let head = bytes.prefix(1024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var index = 0
        while let start = find(Array("<meta".utf8), in: head, from: index) {
            let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = Array(head[start..<end])
            if let at = find(Array("charset".utf8), in: tag, from: 5), let label = value(afterName: at + 7, in: tag) {
                return label
            }
            index = end
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    /// The label after `charset` at `index`: `= value`, the value quoted or ending at white
    /// space, a quote, `;`, `/` or `>`.
    private static func value(afterName index: Int, in tag: [UInt8]) -> String? {
        var index = index
        func skipSpace() { while index < tag.count, isSpace(tag[index]) { index += 1 } }
        skipSpace()
        guard index < tag.count, tag[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        skipSpace()
        if index < tag.count, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") { index += 1 }
        let start = index
        let stops: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: ">")]
        while index < tag.count, !isSpace(tag[index]), !stops.contains(tag[index]) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: tag[start..<index], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
