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
            var i = nextAttributeSpecial(p, from: 0)
            while i < p.count {
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                appendEscaped(p[i], quotes: true, to: &out)
                runStart = i + 1
                i = nextAttributeSpecial(p, from: runStart)
            }
            if p.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart...])) }
        }
    }

    /// Index of the next `&`, `<`, `>` or `"` at or after `start` (or the end), sixteen bytes
    /// at a time, then eight: URLs are long and rarely hold one.
    private static func nextAttributeSpecial(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = p.count
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ampersands = SIMD16<UInt8>(repeating: UInt8(ascii: "&"))
            let lessThans = SIMD16<UInt8>(repeating: UInt8(ascii: "<"))
            let greaterThans = SIMD16<UInt8>(repeating: UInt8(ascii: ">"))
            let quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
            while i + 16 <= count {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hits = v .== ampersands .| v .== lessThans .| v .== greaterThans .| v .== quotes
                if let lane = HTMLByteSearch.firstTrueLane(hits) { return i + lane }
                i += 16
            }
            while i + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let found = equal(word, UInt8(ascii: "&")) | equal(word, UInt8(ascii: "<"))
                    | equal(word, UInt8(ascii: ">")) | equal(word, UInt8(ascii: "\""))
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < count {
            let byte = p[i]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") { return i }
            i += 1
        }
        return count
    }

    /// High bit set in exactly the bytes of `word` equal to `byte`.
    @inline(__always)
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let y = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((y & lows) &+ lows) | y) & ~lows
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
