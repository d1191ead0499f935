/// Finding a byte eight bytes at a time: text runs between tags are long and plain.
enum HTMLByteSearch {
    /// Index of the first `byte` in `p[start..<end]`, or `end`.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let pattern = UInt64(byte) &* ones
            while i + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ pattern
                // The lowest flagged byte is the first zero byte (borrows only flag bytes above it).
                let zeros = (word &- ones) & ~word & highs
                if zeros != 0 { return i + zeros.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end {
            if p[i] == byte { return i }
            i += 1
        }
        return end
    }
}
