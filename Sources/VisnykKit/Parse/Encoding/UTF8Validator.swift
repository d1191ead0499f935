/// Checks UTF-8 bytes for well-formedness (Unicode Table 3-7) and for characters XML 1.0 forbids.
enum UTF8Validator {
    /// Offset of the first byte that starts an ill-formed sequence or an XML-illegal character
    /// at or after `start`; `input.count` when there is none.
    static func firstIssue(in input: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        guard let base = input.baseAddress else { return 0 }
        let count = input.count
        var index = start
        let raw = UnsafeRawPointer(base)
        let lanes = RunLanes()
        while index < count {
            if index &+ 17 <= count {
                // A block that stops goes on byte by byte where it stopped: trying the block
                // again one byte further took every byte before a three-byte character (’, «,
                // — every ~120 bytes of article text) through sixteen failed blocks.
                let advance = asciiAndTwoByteRun16(raw, index, lanes)
                index &+= advance
                if advance >= 16 { continue }
            } else if index &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if isPrintableASCII(word) {
                    index &+= 8
                    continue
                }
                let advance = asciiAndTwoByteRun(word)
                if advance > 0 {
                    index &+= advance
                    continue
                }
            }
            let byte = base[index]
            if byte >= 0x20 && byte < 0x80 {
                index &+= 1
                continue
            }
            let length = sequenceLength(base, index, count)
            if length < 0 || isXMLIllegal(base, index, length) { return index }
            index &+= length
        }
        return count
    }

    /// Whether the bytes are well-formed UTF-8, XML-illegal characters allowed.
    static func isWellFormed(_ input: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Bool {
        guard let base = input.baseAddress else { return true }
        var index = start
        while true {
            index = firstIssue(in: input, from: index)
            guard index < input.count else { return true }
            let length = sequenceLength(base, index, input.count)
            guard length > 0 else { return false }
            index &+= length
        }
    }

    /// Whether any byte is outside ASCII.
    static func containsNonASCII(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = input.baseAddress else { return false }
        var index = 0
        while index &+ 8 <= input.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return true
            }
            index &+= 8
        }
        while index < input.count {
            if base[index] >= 0x80 { return true }
            index &+= 1
        }
        return false
    }

    /// Eight bytes in 0x20...0x7F.
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
        return (word & high) | belowSpace == 0
    }

    /// How many of eight bytes (0, 7 or 8) are complete, XML-legal characters of at most two
    /// bytes: printable ASCII, tab, line feed, carriage return, and sequences with a lead in
    /// 0xC2...0xDF, as in Cyrillic text. 7 when the last byte is a lead whose continuation lies
    /// in the next word. (Feeds have a line feed every ~180 bytes: refusing them sent each one
    /// through the byte-by-byte path several times over.)
    @inline(__always)
    static func asciiAndTwoByteRun(_ word: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let bit7 = word & high
        let bit6 = (word << 1) & high
        let bit5 = (word << 2) & high
        let continuations = bit7 & ~bit6
        let leads = bit7 & bit6 & ~bit5
        let longLeads = bit7 & bit6 & bit5
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // Exact per byte (no carries): below 0x20, and equal to tab, line feed, carriage return.
        let belowSpace = ~((word & low7) &+ 0x6060_6060_6060_6060) & ~word & high
        let allowed = equalBytes(word, 0x09) | equalBytes(word, 0x0A) | equalBytes(word, 0x0D)
        let controls = belowSpace & ~allowed
        // Leads 0xC0 and 0xC1 (overlong forms) have none of bits 1-4 set.
        let leadHasPayload = ((word & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7E7E_7E7E_7E7E_7E7E) & high
        guard longLeads | controls | (leads & ~leadHasPayload) == 0, leads << 8 == continuations else { return 0 }
        return leads & 0x8000_0000_0000_0000 == 0 ? 8 : 7
    }

    /// The byte values `asciiAndTwoByteRun16` compares with, in every lane (made once per
    /// search: built inside the loop they cost more than the compares).
    struct RunLanes {
        let firstLead = SIMD16<UInt8>(repeating: 0xC2), lastLead = SIMD16<UInt8>(repeating: 0xDF)
        let firstContinuation = SIMD16<UInt8>(repeating: 0x80), lastContinuation = SIMD16<UInt8>(repeating: 0xBF)
        let space = SIMD16<UInt8>(repeating: 0x20), delete = SIMD16<UInt8>(repeating: 0x7F)
        let tab = SIMD16<UInt8>(repeating: 0x09), lineFeed = SIMD16<UInt8>(repeating: 0x0A)
        let carriageReturn = SIMD16<UInt8>(repeating: 0x0D)
    }

    /// `asciiAndTwoByteRun` for the sixteen bytes at `index` (seventeen must be readable), with
    /// SIMD16 compares: 16 when they are all complete characters of the kind it accepts, 17
    /// when the last is a lead and the byte after it its continuation, else how many bytes
    /// before the first other byte are complete characters of that kind (0 to 15).
    @inline(__always)
    static func asciiAndTwoByteRun16(_ raw: UnsafeRawPointer, _ index: Int, _ c: RunLanes) -> Int {
        let v = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        let next = raw.loadUnaligned(fromByteOffset: index &+ 1, as: SIMD16<UInt8>.self)
        let isLead = (v .>= c.firstLead) .& (v .<= c.lastLead)
        let isContinuation = (v .>= c.firstContinuation) .& (v .<= c.lastContinuation)
        let nextIsContinuation = (next .>= c.firstContinuation) .& (next .<= c.lastContinuation)
        let printable = (v .>= c.space) .& (v .<= c.delete)
        let allowedControl = (v .== c.tab) .| (v .== c.lineFeed) .| (v .== c.carriageReturn)
        let allowed = printable .| allowedControl .| isLead .| isContinuation
        // Every lead is followed by a continuation and every continuation after the first
        // byte follows a lead; the first byte is no continuation.
        let bad = .!allowed .| (isLead .^ nextIsContinuation)
        let halves = unsafeBitCast(bad, to: SIMD2<UInt64>.self)
        if isContinuation[0] { return 0 }
        if halves[0] | halves[1] == 0 { return isLead[15] ? 17 : 16 }
        // Before the first bad lane every lead has its continuation next and every
        // continuation its lead before; a lead just before it is left for the byte path.
        let firstBad = halves[0] != 0
            ? UInt64(littleEndian: halves[0]).trailingZeroBitCount &>> 3
            : 8 &+ UInt64(littleEndian: halves[1]).trailingZeroBitCount &>> 3
        guard firstBad > 0 else { return 0 }
        return isLead[firstBad &- 1] ? firstBad &- 1 : firstBad
    }

    /// The high bit of each byte of `word` equal to `byte`, exactly.
    @inline(__always)
    static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((difference & low7) &+ low7) | difference) & 0x8080_8080_8080_8080
    }

    /// Length of the well-formed sequence at `index`, or minus the length of the maximal
    /// ill-formed subpart there (which becomes one U+FFFD).
    @inline(__always)
    static func sequenceLength(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Int {
        let lead = base[index]
        if lead < 0x80 { return 1 }
        if lead < 0xC2 || lead > 0xF4 { return -1 }
        let remaining = count &- index
        guard remaining >= 2 else { return -1 }
        let second = base[index &+ 1]
        if lead < 0xE0 {
            return second & 0xC0 == 0x80 ? 2 : -1
        }
        if lead < 0xF0 {
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard second >= low && second <= high else { return -1 }
            guard remaining >= 3, base[index &+ 2] & 0xC0 == 0x80 else { return -2 }
            return 3
        }
        let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
        guard second >= low && second <= high else { return -1 }
        guard remaining >= 3, base[index &+ 2] & 0xC0 == 0x80 else { return -2 }
        guard remaining >= 4, base[index &+ 3] & 0xC0 == 0x80 else { return -3 }
        return 4
    }

    /// C0 controls other than tab, line feed and carriage return, and U+FFFE / U+FFFF.
    @inline(__always)
    static func isXMLIllegal(_ base: UnsafePointer<UInt8>, _ index: Int, _ length: Int) -> Bool {
        if length == 1 {
            let byte = base[index]
            return byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
        }
        return length == 3 && base[index] == 0xEF && base[index &+ 1] == 0xBF && base[index &+ 2] >= 0xBE
    }
}
