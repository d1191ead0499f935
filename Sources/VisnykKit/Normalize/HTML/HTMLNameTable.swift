/// Finds the id of a known tag or attribute name without making a `String` or hashing with
/// `Hasher`: the name, ASCII upper case lowered, is packed into two words (names are at most
/// 16 bytes) and looked up in a small open-addressing table. Names with NUL or non-ASCII
/// bytes are never known.
struct HTMLNameTable {
    private var low: [UInt64]
    private var high: [UInt64]
    private var ids: [UInt8]
    private let mask: Int

    /// `names[i]` gets id `i + 1`; 0 means unknown.
    init(_ names: [String]) {
        var size = 16
        while size < names.count * 4 { size *= 2 }
        low = Array(repeating: 0, count: size)
        high = Array(repeating: 0, count: size)
        ids = Array(repeating: 0, count: size)
        mask = size - 1
        for (index, name) in names.enumerated() {
            let utf8 = Array(name.utf8)
            guard let key = utf8.withUnsafeBufferPointer({ Self.pack($0, 0..<$0.count) }) else {
                preconditionFailure("name not packable: \(name)")
            }
            var slot = Self.slot(key, mask: mask)
            while low[slot] != 0 { slot = (slot + 1) & mask }
            low[slot] = key.low
            high[slot] = key.high
            ids[slot] = UInt8(index + 1)
        }
    }

    /// The id of the name in `p[range]`, or 0.
    @inline(__always)
    func id(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        guard let key = Self.pack(p, range) else { return 0 }
        var slot = Self.slot(key, mask: mask)
        while true {
            let stored = low[slot]
            if stored == 0 { return 0 }
            if stored == key.low, high[slot] == key.high { return ids[slot] }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func slot(_ key: (low: UInt64, high: UInt64), mask: Int) -> Int {
        let mixed = (key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    @inline(__always)
    private static func pack(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (low: UInt64, high: UInt64)? {
        let count = range.count
        guard count > 0, count <= 16, range.lowerBound >= 0, range.upperBound <= p.count else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        var shift: UInt64 = 0
        for i in range {
            var b = p[i]
            if b == 0 || b >= 0x80 { return nil }
            if b &- UInt8(ascii: "A") < 26 { b |= 0x20 }
            if shift < 64 { low |= UInt64(b) << shift } else { high |= UInt64(b) << (shift - 64) }
            shift += 8
        }
        return (low, high)
    }
}
