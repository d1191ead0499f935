/// Escaping for HTML output.
public enum HTMLEscaping {
    /// Escapes `&`, `<` and `>` for element content.
    public static func escapeText(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// Escapes `&`, `<`, `>` and `"` for a double-quoted attribute value.
    public static func escapeAttribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        let needs = s.utf8.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || (quotes && $0 == UInt8(ascii: "\"")) }
        if !needs { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 { appendEscaped(byte, quotes: quotes, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends bytes escaped for a double-quoted attribute value, unchanged runs in one copy.
    static func appendEscapedAttribute(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { p in
            var runStart = 0
            for i in 0..<p.count {
                let byte = p[i]
                guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "\"") else { continue }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                appendEscaped(byte, quotes: true, to: &out)
                runStart = i + 1
            }
            if p.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart...])) }
        }
    }

    /// Appends one byte, escaped where needed.
    @inline(__always)
    static func appendEscaped(_ byte: UInt8, quotes: Bool, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\"") where quotes: out.append(contentsOf: "&quot;".utf8)
        default: out.append(byte)
        }
    }
}
