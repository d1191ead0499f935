extension Charset {
    /// The `charset` parameter of a MIME type such as `application/rss+xml; charset="KOI8-U"`,
    /// unquoted and trimmed but not canonicalized (pass it to `canonicalName(forLabel:)`).
    /// Nil when there is no such parameter or its value is empty.
    public static func charset(fromContentType contentType: String) -> String? {
        let bytes = Array(contentType.utf8)
        guard var index = bytes.firstIndex(of: UInt8(ascii: ";")) else { return nil }
        while index < bytes.count {
            index += 1  // past ';'
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") {
                index += 1
            }
            let name = Charset.normalizedLabel(String(decoding: bytes[nameStart..<index], as: UTF8.self))
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            let value = parameterValue(bytes, from: &index)
            if name == "charset" {
                let trimmed = trimmed(value)
                return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
            }
        }
        return nil
    }

    /// Reads a token or quoted string (RFC 9110) and leaves `index` at the next ';' or the end.
    private static func parameterValue(_ bytes: [UInt8], from index: inout Int) -> [UInt8] {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        var value: [UInt8] = []
        let quoted = index < bytes.count && bytes[index] == UInt8(ascii: "\"")
        if quoted {
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                value.append(bytes[index])
                index += 1
            }
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") {
            if !quoted { value.append(bytes[index]) }
            index += 1
        }
        return value
    }

    private static func trimmed(_ value: [UInt8]) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x22 || byte == 0x27
        }
        var slice = value[...]
        while let first = slice.first, isSpace(first) { slice.removeFirst() }
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        return slice
    }
}
