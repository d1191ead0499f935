/// Turns tokenized character data into output bytes in one pass: character references
/// decoded, newlines normalized (CR, CRLF → LF), NUL dropped in text and replaced by U+FFFD in
/// attribute values, and optionally `&`, `<`, `>` escaped. Bytes needing none of this are
/// copied in runs.
enum HTMLTextDecoder {
    /// Bytes that need a closer look, as a bit set over 0..<64: NUL, CR, '&', '<', '>'.
    private static let specialMask: UInt64 = 1 << 0 | 1 << 0x0D | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && (specialMask >> UInt64(byte)) & 1 != 0
    }

    /// Index of the first byte in `range` that needs a closer look, or `range.upperBound`;
    /// sixteen bytes at a time, then eight.
    @inline(__always)
    static func firstSpecial(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var i = range.lowerBound
        let end = range.upperBound
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let nuls = SIMD16<UInt8>(repeating: 0), returns = SIMD16<UInt8>(repeating: 0x0D)
            let ampersands = SIMD16<UInt8>(repeating: 0x26), lessThans = SIMD16<UInt8>(repeating: 0x3C)
            let greaterThans = SIMD16<UInt8>(repeating: 0x3E)
            while i + 16 <= end {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hits = v .== nuls .| v .== returns .| v .== ampersands .| v .== lessThans .| v .== greaterThans
                if let lane = HTMLByteSearch.firstTrueLane(hits) { return i + lane }
                i += 16
            }
            while i + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let found = zeroBytes(word) | zeroBytes(word ^ (0x0D * ones)) | zeroBytes(word ^ (0x26 * ones))
                    | zeroBytes(word ^ (0x3C * ones)) | zeroBytes(word ^ (0x3E * ones))
                // The lowest flag of each term is exact, so the lowest flag of all is.
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end, !isSpecial(p[i]) { i += 1 }
        return i
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// High bit set in the lowest zero byte of `word` (and possibly in bytes above it).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & 0x8080_8080_8080_8080
    }

    static func append(
        _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, decode: Bool, inAttribute: Bool, escape: Bool,
        to out: inout [UInt8]
    ) {
        guard range.lowerBound >= 0, range.upperBound <= p.count else { return }
        do {
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let runEnd = firstSpecial(p, i..<end)
                if runEnd > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<runEnd])) }
                i = runEnd
                guard i < end else { break }
                let byte = p[i]
                switch byte {
                case 0:
                    if inAttribute { out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
                    i += 1
                case 0x0D:
                    out.append(0x0A)
                    i += (i + 1 < end && p[i + 1] == 0x0A) ? 2 : 1
                case UInt8(ascii: "&") where decode:
                    if let reference = HTMLEntities.reference(in: p, at: i, end: end, inAttribute: inAttribute) {
                        appendScalars(reference.value, escape: escape, to: &out)
                        i = reference.next
                    } else {
                        if escape { HTMLEscaping.appendEscaped(byte, quotes: false, to: &out) } else { out.append(byte) }
                        i += 1
                    }
                default:
                    if escape { HTMLEscaping.appendEscaped(byte, quotes: false, to: &out) } else { out.append(byte) }
                    i += 1
                }
            }
        }
    }

    private static func appendScalars(_ packed: UInt64, escape: Bool, to out: inout [UInt8]) {
        let first = UInt32(truncatingIfNeeded: packed)
        if escape, first < 0x80, packed >> 32 == 0 {
            HTMLEscaping.appendEscaped(UInt8(first), quotes: false, to: &out)
        } else if first == 0 {
            return
        } else {
            HTMLEntities.appendUTF8(packed, to: &out)
        }
    }
}
