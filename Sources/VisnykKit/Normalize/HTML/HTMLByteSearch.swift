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
}
