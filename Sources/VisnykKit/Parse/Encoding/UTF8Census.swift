/// Counts of what a byte string holds when read as UTF-8, to judge whether it is UTF-8 at all.
struct UTF8Census {
    /// Well-formed sequences of two to four bytes.
    var multibyteSequences = 0
    /// Maximal ill-formed subparts.
    var invalidSequences = 0
    /// Well-formed characters that XML 1.0 forbids.
    var illegalCharacters = 0

    /// A document is taken for UTF-8 when it has at least as many well-formed multibyte
    /// sequences as broken ones; legacy 8-bit text almost never forms valid sequences by chance.
    var isMostlyInvalid: Bool { invalidSequences > multibyteSequences }

    /// Counts from `start`; stops early once the text is plainly not UTF-8 (legacy 8-bit text
    /// forms the odd valid pair, e.g. KOI8 "ді", so a few valid sequences do not count).
    init(of input: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        guard let base = input.baseAddress else { return }
        let count = input.count
        var index = start
        while index < count {
            if index &+ 8 <= count,
                UTF8Validator.isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index &+= 8
                continue
            }
            let byte = base[index]
            if byte >= 0x20 && byte < 0x80 {
                index &+= 1
                continue
            }
            let length = UTF8Validator.sequenceLength(base, index, count)
            if length < 0 {
                invalidSequences &+= 1
                if invalidSequences >= 64 && invalidSequences > 4 * multibyteSequences { return }
                index &+= -length
                continue
            }
            if length > 1 { multibyteSequences &+= 1 }
            if UTF8Validator.isXMLIllegal(base, index, length) { illegalCharacters &+= 1 }
            index &+= length
        }
    }
}
