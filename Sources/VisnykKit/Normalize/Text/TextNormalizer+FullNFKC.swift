extension TextNormalizer {
    /// Normalizes a stretch of valid UTF-8 with the complete NFKC: typographic mapping, NFKC,
    /// then folding and collapsing into `writer`.
    static func appendFullyNormalized(_ bytes: UnsafeBufferPointer<UInt8>, to writer: inout FoldedTextWriter) {
        var mapped: [UInt32] = []
        mapped.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            index += length
            let value = TypographicVariants.map(scalar)
            if value != TypographicVariants.dropped { mapped.append(value) }
        }
        for scalar in UnicodeNFKC.normalize(mapped) {
            if TypographicVariants.isWhiteSpace(scalar) {
                writer.space()
            } else {
                writer.appendFolding(scalar)
            }
        }
    }

    /// The whole text through the complete NFKC, with no one-pass shortcut (for tests).
    static func normalizeSlowly(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var writer = FoldedTextWriter(capacity: bytes.count + 16)
            appendFullyNormalized(bytes, to: &writer)
            writer.endSegment()
            return writer.makeString()
        }
    }
}
