/// Turns tokenized character data into output bytes in one pass: character references
/// decoded, newlines normalized (CR, CRLF → LF), NUL dropped in text and replaced by U+FFFD in
/// attribute values, and optionally `&`, `<`, `>` escaped. Bytes needing none of this are
/// copied in runs.
enum HTMLTextDecoder {
    /// Bytes that need a closer look: NUL, CR, '&', '<', '>'.
    private static let special: [Bool] = (0..<256).map { b in
        b == 0 || b == 0x0D || b == 0x26 || b == 0x3C || b == 0x3E
    }

    static func append(
        _ bytes: [UInt8], _ range: Range<Int>, decode: Bool, inAttribute: Bool, escape: Bool,
        to out: inout [UInt8]
    ) {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return }
        var i = range.lowerBound
        let end = range.upperBound
        var runStart = i
        while i < end {
            let byte = bytes[i]
            if !special[Int(byte)] {
                i += 1
                continue
            }
            if i > runStart { out.append(contentsOf: bytes[runStart..<i]) }
            switch byte {
            case 0:
                if inAttribute { out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
                i += 1
            case 0x0D:
                out.append(0x0A)
                i += (i + 1 < end && bytes[i + 1] == 0x0A) ? 2 : 1
            case UInt8(ascii: "&") where decode:
                if let reference = HTMLEntities.reference(in: bytes, at: i, end: end, inAttribute: inAttribute) {
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
            runStart = i
        }
        if end > runStart { out.append(contentsOf: bytes[runStart..<end]) }
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
