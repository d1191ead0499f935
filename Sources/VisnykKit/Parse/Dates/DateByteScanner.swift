/// A bounds-checked cursor over the UTF-8 bytes of one date string. Reading past the end
/// yields 0, which no date syntax accepts, so callers never index out of range.
struct DateByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    func peek(_ ahead: Int = 0) -> UInt8 {
        let position = index + ahead
        return position >= 0 && position < bytes.count ? bytes[position] : 0
    }

    mutating func advance(_ count: Int = 1) {
        index = min(index + count, bytes.count)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Reads a run of ASCII digits. Returns the value of at most the first 18 digits (enough
    /// to never overflow) and the full length of the run, which callers use to classify it.
    mutating func readDigits() -> (value: Int, count: Int) {
        var value = 0
        var count = 0
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            if count < 18 { value = value * 10 + Int(digit) }
            count += 1
            index += 1
        }
        return (value, count)
    }

    /// Reads exactly `count` digits, or nothing (and nil) when fewer are there.
    mutating func readFixedDigits(_ count: Int) -> Int? {
        var value = 0
        for ahead in 0..<count {
            let digit = peek(ahead) &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        advance(count)
        return value
    }

    /// Reads a decimal fraction's digits as nanoseconds; digits beyond the ninth are skipped.
    mutating func readFractionNanoseconds() -> Int {
        var nanos = 0
        var scale = 100_000_000
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            nanos += Int(digit) * scale
            scale /= 10
            index += 1
        }
        return nanos
    }

    /// Length of the Unicode space character starting here (NBSP, the U+2000 spaces, narrow
    /// NBSP, ideographic space, U+FEFF), or 0. ASCII white space is handled by callers.
    func unicodeSpaceLength() -> Int {
        switch peek() {
        case 0xC2: return peek(1) == 0xA0 ? 2 : 0
        case 0xE2:
            guard peek(1) == 0x80 || peek(1) == 0x81 else { return 0 }
            let third = peek(2)
            if peek(1) == 0x80 { return (third >= 0x80 && third <= 0x8B) || third == 0xAF ? 3 : 0 }
            return third == 0x9F ? 3 : 0
        case 0xE3: return peek(1) == 0x80 && peek(2) == 0x80 ? 3 : 0
        case 0xEF: return peek(1) == 0xBB && peek(2) == 0xBF ? 3 : 0  // BOM / zero-width no-break space
        default: return 0
        }
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
