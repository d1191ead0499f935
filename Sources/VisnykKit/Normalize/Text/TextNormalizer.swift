/// The text normalization of the content-hash contract (DESIGN.md, steps 3 and 4).
///
/// Order: typographic variants → Unicode NFKC → full case folding → white space collapsed and
/// trimmed, each step exactly once, as the contract says (checked against Python's
/// `unicodedata.normalize("NFKC", …)` and `str.casefold()` on every assigned code point).
/// So folding may leave a few scalars decomposed (ǰ → j + U+030C, ΐ → ι + U+0308 + U+0301);
/// normalizing again gives the same result, since NFKC recomposes them and folding decomposes
/// them again. The one exception to idempotence: the few characters whose NFKC image is a
/// typographic variant (ŉ → ʼn, ″ → ′′, ﹘ → —) keep that variant, because the mapping ran first.
///
/// Most text needs no NFKC at all: when every scalar (after the typographic mapping) is
/// NFKC-stable, or has an NFKC image made of stable scalars (… → ..., № → No, ﬁ → fi,
/// full-width forms), one pass over the UTF-8 bytes does everything. Where a scalar needs real
/// NFKC (a combining mark, a rare compatibility character), only the stretch around it — from
/// the last ASCII white space before it to the next stable scalar after it — goes through the
/// complete NFKC. NFKC never acts across those points (a stable scalar neither composes with
/// what precedes it nor lets anything after it reach back), so the pieces join exactly.
public enum TextNormalizer {
    /// Steps 3 and 4 of the contract: typographic variants to one form (apostrophes ’ ʼ ‘ ` ´ ′
    /// → ', quotes « » „ “ ” → ", dashes ‐ ‑ ‒ – — − → -, every Unicode space → space,
    /// zero-width characters and soft hyphens dropped) — before NFKC —, then Unicode NFKC, full
    /// case folding, runs of white space collapsed to one space, trimmed. Input is plain text.
    public static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    /// `normalize` over valid UTF-8.
    static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var writer = FoldedTextWriter(capacity: bytes.count + 16)
        appendNormalized(bytes, to: &writer)
        return writer.makeString()
    }

    /// Appends the normalization of valid UTF-8 `bytes` to `writer` as a new segment.
    static func appendNormalized(_ bytes: UnsafeBufferPointer<UInt8>, to writer: inout FoldedTextWriter) {
        writer.beginSegment()
        let count = bytes.count
        var cursor = Cursor(restartCount: writer.checkpoint)
        while cursor.index < count {
            writer.sink.reserve(count - cursor.index + 8)
            appendSimpleRun(bytes, &cursor, to: &writer)
            let index = cursor.index
            guard index < count else { break }
            let (scalar, length) = decodeScalar(bytes, at: index)
            if appendMappedAndFolded(scalar, to: &writer) {
                cursor.index = index + length
                continue
            }
            let end = endOfUnstableRun(bytes, from: index + length)
            writer.restore(cursor.restartCount)
            appendFullyNormalized(
                UnsafeBufferPointer(rebasing: bytes[cursor.restartOffset..<end]), to: &writer)
            cursor.index = end
            cursor.restartOffset = end
            cursor.restartCount = writer.checkpoint
        }
        writer.endSegment()
    }

    /// The offset of the first scalar at or after `start` that is NFKC-stable after the
    /// typographic mapping (dropped scalars are skipped), or the end.
    private static func endOfUnstableRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            let mapped = TypographicVariants.map(scalar)
            if mapped != TypographicVariants.dropped, mapped < 0x80 || UnicodeTables.isNFKCStable(mapped) {
                return index
            }
            index += length
        }
        return bytes.count
    }

    /// Typographic mapping, then NFKC (identity or an in-place image), then folding, for one
    /// non-ASCII scalar; false when the scalar needs real NFKC.
    @inline(__always)
    private static func appendMappedAndFolded(
        _ scalar: UInt32, to writer: inout FoldedTextWriter
    ) -> Bool {
        let mapped = TypographicVariants.map(scalar)
        if mapped == TypographicVariants.dropped { return true }
        if mapped == 0x20 {
            writer.space()
        } else if mapped < 0x80 {
            writer.appendFoldedASCII(UInt8(truncatingIfNeeded: mapped))
        } else if UnicodeTables.isNFKCStable(mapped) {
            writer.appendFolding(mapped)
        } else if let image = UnicodeTables.nfkcImage(of: mapped) {
            for part in image {
                if part == 0x20 { writer.space() } else { writer.appendFolding(part) }
            }
        } else {
            return false
        }
        return true
    }

    /// Decodes the scalar starting at `index` of valid UTF-8 (a truncated sequence, which a
    /// String never holds, decodes as U+FFFD so that nothing reads out of bounds).
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        var scalar = lead & (0x7F &>> UInt32(length))
        for offset in 1..<length {
            scalar = scalar &<< 6 | UInt32(bytes[index + offset]) & 0x3F
        }
        return (scalar, length)
    }
}
