#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a byte: text runs between tags are long and plain.
enum HTMLByteSearch {
    /// Index of the first `byte` in `p[start..<end]`, or `end`. The C library's `memchr`
    /// reads 32 or 64 bytes per step where a Swift loop over words reads 8.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        let limit = min(end, p.count)
        guard let base = p.baseAddress, start >= 0, start < limit else { return end }
        guard let found = memchr(base + start, Int32(byte), limit - start) else { return end }
        return UnsafeRawPointer(base).distance(to: found)
    }

    /// The first true lane (0..<16) of a comparison of sixteen bytes, or nil. A true lane is
    /// 0xFF, so the mask's two halves read as words give it directly.
    @inline(__always)
    static func firstTrueLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        if halves[0] != 0 { return UInt64(littleEndian: halves[0]).trailingZeroBitCount &>> 3 }
        if halves[1] != 0 { return 8 &+ UInt64(littleEndian: halves[1]).trailingZeroBitCount &>> 3 }
        return nil
    }

    /// Index of the first byte at or below 0x20 (white space or a control) in `p[start...]`,
    /// or `p.count`, eight bytes at a time: URL attribute values are long and have none.
    static func firstAtMostSpace(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = p.count
        var i = max(start, 0)
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                // Exact per byte: no borrow crosses a byte, since each is subtracted from ≥ 0x80.
                let found = ~((word | highs) &- 0x2121_2121_2121_2121) & ~word & highs
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < count {
            if p[i] <= 0x20 { return i }
            i += 1
        }
        return count
    }
}
