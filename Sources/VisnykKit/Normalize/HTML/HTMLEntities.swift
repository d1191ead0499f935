/// HTML5 character references (WHATWG "named character references" and numeric references).
public enum HTMLEntities {
    /// Name as listed (with or without the trailing ';') → up to two code points, packed as
    /// `first | second << 32` (second is 0 when absent).
    static let table: [String: UInt64] = parseTable(packedTable)

    /// Names without ';' are at most this long (legacy references such as `&middot`).
    static let longestLegacyName = 6
    /// The longest name with its ';'.
    static let longestName = 32

    /// The replacement for a named reference; `name` is given without '&' and ';'. The
    /// name with ';' is preferred, then the legacy name without it.
    public static func lookup(_ name: Substring) -> String? {
        guard let packed = table[name + ";"] ?? table[String(name)] else { return nil }
        var out: [UInt8] = []
        appendUTF8(packed, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes character references per HTML5: named references with or without ';' (the
    /// legacy ones), in attributes a legacy reference followed by '=' or an alphanumeric stays
    /// as written; numeric references with the Windows-1252 remapping of 0x80–0x9F, and NUL,
    /// surrogates and values past U+10FFFF → U+FFFD. Everything else is left as it is.
    public static func decode(_ s: String, inAttribute: Bool = false) -> String {
        if !s.utf8.contains(UInt8(ascii: "&")) { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "&"),
               let reference = bytes.withUnsafeBufferPointer({
                   reference(in: $0, at: i, end: $0.count, inAttribute: inAttribute)
               }) {
                appendUTF8(reference.value, to: &out)
                i = reference.next
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 of one or two packed code points.
    @inline(__always)
    static func appendUTF8(_ packed: UInt64, to out: inout [UInt8]) {
        appendUTF8(scalar: UInt32(truncatingIfNeeded: packed), to: &out)
        let second = UInt32(truncatingIfNeeded: packed >> 32)
        if second != 0 { appendUTF8(scalar: second, to: &out) }
    }

    @inline(__always)
    static func appendUTF8(scalar v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    private static func parseTable(_ packed: String) -> [String: UInt64] {
        var table: [String: UInt64] = [:]
        table.reserveCapacity(2300)
        for entry in packed.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let colon = entry.firstIndex(of: ":") else { continue }
            let points = entry[entry.index(after: colon)...].split(separator: "+")
                .compactMap { UInt64($0, radix: 16) }
            guard let first = points.first else { continue }
            table[String(entry[..<colon])] = first | ((points.count > 1 ? points[1] : 0) << 32)
        }
        return table
    }
}
