/// Full case folding (CaseFolding.txt statuses C and F), one scalar at a time.
///
/// Latin-1, Greek capitals and Cyrillic are folded arithmetically; other scalars use the
/// generated exception table where folding differs from lowercasing, and the standard
/// library's full lowercase mapping otherwise.
enum CaseFolding {
    /// Appends the case folding of `scalar` (not ASCII: the caller handles ASCII inline).
    @inline(__always)
    static func appendFolded(_ scalar: UInt32, to sink: inout UTF8Sink) {
        sink.reserve(12)
        switch scalar {
        case ..<0x80:
            sink.appendUnchecked(scalar: 0x41...0x5A ~= scalar ? scalar | 0x20 : scalar)
        case 0xC0...0xDE where scalar != 0xD7:
            sink.appendUnchecked(scalar: scalar + 0x20)
        case 0xDF:                                                // ß → ss
            sink.appendUnchecked(0x73)
            sink.appendUnchecked(0x73)
        case 0x391...0x3A9 where scalar != 0x3A2:
            sink.appendUnchecked(scalar: scalar + 0x20)
        case 0x400...0x4FF:
            sink.appendUnchecked(scalar: foldCyrillic(scalar))
        case 0xB5:                                                // µ → μ
            sink.appendUnchecked(scalar: 0x3BC)
        case 0xA0...0xFF:
            sink.appendUnchecked(scalar: scalar)
        default:
            appendFoldedGeneral(scalar, to: &sink)
        }
    }

    /// Cyrillic U+0400–U+04FF: every case pair folds to its small letter by a fixed offset.
    @inline(__always)
    static func foldCyrillic(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x400...0x40F: return scalar + 0x50
        case 0x410...0x42F: return scalar + 0x20
        case 0x4C0: return 0x4CF
        case 0x4C1...0x4CE: return scalar | 1 == scalar ? scalar + 1 : scalar
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x4FF: return scalar | 1
        default: return scalar
        }
    }

    private static func appendFoldedGeneral(_ scalar: UInt32, to sink: inout UTF8Sink) {
        if let (first, second, third) = UnicodeTables.caseFoldException(for: scalar) {
            sink.appendUnchecked(scalar: first)
            if second != 0 { sink.appendUnchecked(scalar: second) }
            if third != 0 { sink.appendUnchecked(scalar: third) }
            return
        }
        guard let unicodeScalar = Unicode.Scalar(scalar),
              unicodeScalar.properties.changesWhenLowercased else {
            sink.appendUnchecked(scalar: scalar)
            return
        }
        // Full lowercase mappings are at most three scalars (SpecialCasing.txt).
        for lowered in unicodeScalar.properties.lowercaseMapping.unicodeScalars.prefix(3) {
            sink.appendUnchecked(scalar: lowered.value)
        }
    }
}
