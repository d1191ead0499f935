/// Sixteen input bytes at a time for the common case of the normalizer (`SimpleTextBlock` has
/// the rules; a stop is a byte that needs the scalar-by-scalar path).
///
/// Where `SimpleTextBlock` shifts words to see a byte's neighbours, this reads the sixteen
/// bytes before and after by one too, so it needs a readable byte on each side of the block.
/// The block starts at a scalar boundary, so its first byte is never a trail.
struct SimpleTextVector {
    // The byte values compared with, in every lane: made once per run, since built inside
    // the loop they cost more than the compares.
    private let c00 = SIMD16<UInt8>(repeating: 0x00), c01 = SIMD16<UInt8>(repeating: 0x01)
    private let c05 = SIMD16<UInt8>(repeating: 0x05), c09 = SIMD16<UInt8>(repeating: 0x09)
    private let c0F = SIMD16<UInt8>(repeating: 0x0F), c10 = SIMD16<UInt8>(repeating: 0x10)
    private let c1A = SIMD16<UInt8>(repeating: 0x1A), c20 = SIMD16<UInt8>(repeating: 0x20)
    private let c41 = SIMD16<UInt8>(repeating: 0x41), c60 = SIMD16<UInt8>(repeating: 0x60)
    private let cA0 = SIMD16<UInt8>(repeating: 0xA0), cC0 = SIMD16<UInt8>(repeating: 0xC0)
    private let cD0 = SIMD16<UInt8>(repeating: 0xD0), cD1 = SIMD16<UInt8>(repeating: 0xD1)
    private let cFE = SIMD16<UInt8>(repeating: 0xFE)

    /// The sixteen bytes at `input + index` normalized, and the lane of the first stop (16 when
    /// none): the bytes before it are final, and end with a whole scalar (a trail is never a
    /// stop, nor is a lead whose trail is). Bytes `index - 1` and `index + 16` must be
    /// readable. The caller has checked the stop that depends on the output: white space first
    /// when the output ends with a space.
    @inline(__always)
    func normalize(_ input: UnsafeRawPointer, at index: Int) -> (folded: SIMD16<UInt8>, stop: Int) {
        let v = input.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        let previous = input.loadUnaligned(fromByteOffset: index &- 1, as: SIMD16<UInt8>.self)
        let next = input.loadUnaligned(fromByteOffset: index &+ 1, as: SIMD16<UInt8>.self)
        let spaces = (v .== c20) .| ((v &- c09) .< c05)
        let spacesBefore = (previous .== c20) .| ((previous &- c09) .< c05)
        let isD0orD1 = (v & cFE) .== cD0
        // Controls other than white space, grave accents, a second white space in a row, leads
        // other than 0xD0/0xD1, 0xD1 before 0xA0–0xBF (U+0460–U+047F).
        let stops = ((v .< c20) .& .!spaces) .| (v .== c60) .| (spaces .& spacesBefore)
            .| ((v .>= cC0) .& .!isD0orD1) .| ((v .== cD1) .& (next .>= cA0))
        let halves = unsafeBitCast(stops, to: SIMD2<UInt64>.self)
        let stop = halves[0] != 0 ? UInt64(littleEndian: halves[0]).trailingZeroBitCount &>> 3
            : halves[1] != 0 ? 8 &+ UInt64(littleEndian: halves[1]).trailingZeroBitCount &>> 3 : 16

        // Folded with bit operations, no lane selects (which the compiler splits into
        // pieces): capitals and white space get 0x20, white space then loses bits 0–3.
        let controlSpaces = Self.bytes((v &- c09) .< c05)
        let capitals = Self.bytes((v &- c41) .< c1A)
        let folded = (v | (capitals | controlSpaces) & c20) & ~(controlSpaces & c0F)
        // After 0xD0 (bits 5 and 4 of the trail): 0x90–0x9F and 0xA0–0xAF flip 0x20,
        // 0x80–0x8F flips 0x10; before 0x80–0x8F and 0xA0–0xAF the 0xD0 becomes 0xD1.
        let afterD0 = Self.bytes(previous .== cD0)
        let shifted = v &<< 1
        let trailFlips = (shifted ^ v) & c20 | (~(v | shifted) & c20) &>> 1
        let leadFlips = Self.bytes((v .== cD0) .& ((next & c10) .== c00)) & c01
        return (folded ^ (afterD0 & trailFlips | leadFlips), stop)
    }

    /// A true lane as 0xFF, a false one as 0.
    @inline(__always)
    private static func bytes(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
        unsafeBitCast(mask, to: SIMD16<UInt8>.self)
    }
}
