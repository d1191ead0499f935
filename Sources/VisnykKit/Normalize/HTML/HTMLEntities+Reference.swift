extension HTMLEntities {
    /// Decodes the character reference whose '&' is at `start`; returns the index just past
    /// it and its code points, or nil when this '&' is plain text (the HTML5 "character
    /// reference state" and its sub-states).
    static func reference(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, inAttribute: Bool
    ) -> (next: Int, value: UInt64)? {
        let first = start + 1
        guard first < end else { return nil }
        if bytes[first] == UInt8(ascii: "#") {
            return numericReference(in: bytes, at: first + 1, end: end)
        }
        var nameEnd = first
        let limit = min(end, first + longestName)
        while nameEnd < limit, isASCIIAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > first else { return nil }
        if nameEnd < end, bytes[nameEnd] == UInt8(ascii: ";"),
           let value = table[String(decoding: UnsafeBufferPointer(rebasing: bytes[first...nameEnd]), as: UTF8.self)] {
            return (nameEnd + 1, value)
        }
        // Longest legacy name (no ';') that prefixes the run.
        var length = min(nameEnd - first, longestLegacyName)
        while length >= 2 {
            let matchEnd = first + length
            if let value = table[String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<matchEnd]), as: UTF8.self)] {
                if inAttribute, matchEnd < end,
                   bytes[matchEnd] == UInt8(ascii: "=") || isASCIIAlphanumeric(bytes[matchEnd]) {
                    return nil
                }
                return (matchEnd, value)
            }
            length -= 1
        }
        return nil
    }

    private static func numericReference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (next: Int, value: UInt64)? {
        var i = start
        var hex = false
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "x") {
            hex = true
            i += 1
        }
        let digitsStart = i
        var value: UInt32 = 0
        while i < end {
            let byte = bytes[i]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: digit = 99
            }
            if digit == 99 { break }
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ";") { i += 1 }
        return (i, UInt64(numericValue(value)))
    }

    /// The code point a numeric reference stands for (HTML5 "numeric character reference end state").
    static func numericValue(_ value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return 0xFFFD
        case 0x80...0x9F:
            let mapped = windows1252[Int(value - 0x80)]
            return mapped == 0 ? value : mapped
        default: return value
        }
    }

    /// Windows-1252 meanings of 0x80–0x9F (0 where the byte is unassigned and kept as is).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
