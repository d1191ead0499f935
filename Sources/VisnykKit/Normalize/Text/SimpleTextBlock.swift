/// Eight input bytes at a time for the common case of the normalizer: ASCII and Cyrillic
/// U+0400–U+045F, with single white-space bytes, where every byte stays in place: ASCII
/// capitals lowercase, Cyrillic capitals fold by flipping bits, tab to carriage return become
/// a space.
///
/// The word holds the bytes in memory order (byte k in bits 8k...8k+7) and starts at a scalar
/// boundary of valid UTF-8. Every class below is exact per byte: sums of seven-bit values
/// never carry into the next byte.
enum SimpleTextBlock {
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The block normalized, and the stops: the high bit of every byte that needs the
    /// scalar-by-scalar path (the start of another scalar or of U+0460–U+047F, a grave
    /// accent, a control byte, a second white-space byte in a row, white space first when
    /// `afterSpace`: the output is empty or ends with a space). The bytes before the first
    /// stop are final, except a lead byte at the end (`length(of:in:)`).
    @inline(__always)
    static func normalize(_ word: UInt64, afterSpace: Bool) -> (word: UInt64, stops: UInt64) {
        let ascii = ~word & high
        let sevenBits = word & low7
        let upTo20 = ~(sevenBits &+ 0x5F &* ones) & ascii
        let from09 = (sevenBits &+ 0x77 &* ones) & ascii
        let upTo0D = ~(sevenBits &+ 0x72 &* ones) & ascii
        let controlSpaces = from09 & upTo0D
        let spaces = ~((sevenBits ^ 0x20 &* ones) &+ low7) & ascii | controlSpaces
        let graves = ~((sevenBits ^ 0x60 &* ones) &+ low7) & ascii
        let capitals = (sevenBits &+ 0x3F &* ones) & ~(sevenBits &+ 0x25 &* ones) & ascii
        // Leads (11xxxxxx) must be 0xD0 or 0xD1; after 0xD1 only 0x80–0x9F (р–я, ѐ–џ).
        let leads = word & (word &<< 1) & high
        let cyrillicBase = (word & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xD0D0_D0D0_D0D0_D0D0
        let isD0orD1 = ~(((cyrillicBase & low7) &+ low7) | cyrillicBase) & high
        let afterD1 = (isD0orD1 & word &<< 7) &<< 8
        let afterD0 = (isD0orD1 & ~(word &<< 7)) &<< 8
        let bit5 = word &<< 2, bit4 = word &<< 3

        var stops = graves | (upTo20 & ~spaces) | (spaces & spaces &<< 8) | leads & ~isD0orD1
        stops |= (afterD1 & bit5) &>> 8
        stops |= afterSpace ? spaces & 0x80 : 0
        stops &= high

        // Capitals after 0xD0: 0x90–0x9F (А–П) → 0xD0 0xB0–0xBF; 0xA0–0xAF (Р–Я) → 0xD1
        // 0x80–0x8F; 0x80–0x8F (Ѐ–Џ) → 0xD1 0x90–0x9F.
        let flips = (afterD0 & (bit5 ^ bit4)) &>> 2 | (afterD0 & ~(bit5 | bit4)) &>> 3
            | (afterD0 & ~bit4) &>> 15
        let spaceBytes = (controlSpaces &>> 7) &* 0xFF
        let folded = ((word | capitals &>> 2) ^ flips) & ~spaceBytes | spaceBytes & 0x2020_2020_2020_2020
        return (folded, stops)
    }

    /// How many leading bytes of the normalized block are final: up to the first stop, and
    /// not the last byte when it starts a two-byte scalar.
    @inline(__always)
    static func length(of stops: UInt64, in word: UInt64) -> Int {
        let endsWithLead = word & (word &<< 1) & 0x8000_0000_0000_0000
        return (stops | endsWithLead).trailingZeroBitCount &>> 3
    }
}
