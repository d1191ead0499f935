/// An 8-bit encoding whose lower half is ASCII, decoded with a 256-entry table of ready-made
/// UTF-8 forms (no iconv state, one lookup per byte).
struct SingleByteCodePage: Sendable {
    let name: String
    /// Per byte: its UTF-8 form in the low 24 bits (first byte lowest), the length in bits
    /// 24-25 (0 for a dropped character), `droppedFlag` for a control XML forbids,
    /// `undefinedFlag` for a byte the encoding leaves undefined (decoded as U+FFFD).
    private let entries: [UInt32]

    private static let droppedFlag: UInt32 = 1 << 30
    private static let undefinedFlag: UInt32 = 1 << 31

    struct Decoded {
        var utf8: [UInt8]
        var dropped = 0
        var undefined = 0
    }

    init?(canonicalName: String) {
        let upperHalf: [UInt16]
        if canonicalName == "x-user-defined" {
            upperHalf = (0..<128).map { 0xF780 + UInt16($0) }
        } else if let table = Self.upperHalves[canonicalName] {
            upperHalf = table
        } else {
            return nil
        }
        name = canonicalName
        entries = (0..<256).map { byte in
            if byte < 0x80 {
                let isIllegal = byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
                return isIllegal ? Self.droppedFlag : UInt32(byte) | 1 << 24
            }
            let scalar = upperHalf[byte - 0x80]
            return Self.packedUTF8(scalar) | (scalar == 0xFFFD ? Self.undefinedFlag : 0)
        }
    }

    private static func packedUTF8(_ scalar: UInt16) -> UInt32 {
        let value = UInt32(scalar)
        if value < 0x80 { return value | 1 << 24 }
        if value < 0x800 {
            return (0xC0 | value >> 6) | (0x80 | value & 0x3F) << 8 | 2 << 24
        }
        return (0xE0 | value >> 12) | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F) << 16 | 3 << 24
    }

    /// The code point a byte stands for (U+FFFD when undefined), for the encoding guesser.
    func scalar(for byte: UInt8) -> UInt32 {
        let entry = entries[Int(byte)]
        switch entry >> 24 & 3 {
        case 1: return entry & 0x7F
        case 2: return (entry & 0x1F) << 6 | (entry >> 8 & 0x3F)
        case 3: return (entry & 0x0F) << 12 | (entry >> 8 & 0x3F) << 6 | (entry >> 16 & 0x3F)
        default: return 0
        }
    }

    func decode(_ input: UnsafeBufferPointer<UInt8>) -> Decoded {
        guard let source = input.baseAddress, !input.isEmpty else { return Decoded(utf8: []) }
        var decoded = Decoded(utf8: [])
        entries.withUnsafeBufferPointer { table in
            let count = input.count
            // A byte's UTF-8 form has at most three bytes, one below 0x80: room for that is
            // counted sixteen bytes at a time instead of looking every byte up twice. Each
            // entry is stored as four bytes; four spare bytes of capacity absorb the last one.
            let capacity = count + 2 * Self.upperHalfCount(source, count) + 4
            var flagged = 0
            // Eight printable ASCII bytes (the markup) are their own UTF-8: no lookups. Text in
            // the upper half: the eight bytes that failed the test are looked up together, not
            // tested again one by one.
            decoded.utf8 = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                guard let destination = buffer.baseAddress else { initialized = 0; return }
                var offset = 0
                var index = 0
                while index < count {
                    let end: Int
                    if index &+ 8 <= count {
                        let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                        if UTF8Validator.isPrintableASCII(word) {
                            UnsafeMutableRawPointer(destination + offset).storeBytes(of: word, as: UInt64.self)
                            offset &+= 8
                            index &+= 8
                            continue
                        }
                        end = index &+ 8
                    } else {
                        end = count
                    }
                    while index < end {
                        let entry = table[Int(source[index])]
                        UnsafeMutableRawPointer(destination + offset).storeBytes(of: entry.littleEndian, as: UInt32.self)
                        offset &+= Int(truncatingIfNeeded: entry >> 24 & 3)
                        flagged &+= Int(truncatingIfNeeded: entry >> 30)
                        index &+= 1
                    }
                }
                initialized = offset
            }
            if flagged != 0 {
                for byte in input {
                    let entry = table[Int(byte)]
                    if entry >= Self.droppedFlag {
                        if entry & Self.undefinedFlag != 0 { decoded.undefined &+= 1 } else { decoded.dropped &+= 1 }
                    }
                }
            }
        }
        return decoded
    }

    /// How many of the `count` bytes at `source` are 0x80 or above, sixteen at a time.
    private static func upperHalfCount(_ source: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let raw = UnsafeRawPointer(source)
        let lastASCII = SIMD16<UInt8>(repeating: 0x7F)
        var total = 0
        var index = 0
        while index &+ 16 <= count {
            // One counter per lane, summed before it can reach 256; a true lane is -1.
            var lanes = SIMD16<Int8>()
            let stop = min(count, index &+ 16 &* 255)
            while index &+ 16 <= stop {
                let bytes = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                lanes &-= unsafeBitCast(bytes .> lastASCII, to: SIMD16<Int8>.self)
                index &+= 16
            }
            total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: SIMD16<UInt8>(truncatingIfNeeded: lanes)).wrappedSum())
        }
        while index < count {
            if source[index] >= 0x80 { total &+= 1 }
            index &+= 1
        }
        return total
    }
}
