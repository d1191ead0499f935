/// Finding the bytes that start markup or references eight bytes at a time: most of a feed
/// is plain text between them.
enum XMLByteSearch {
    /// Index of the first `&` or `<` in `p[start..<end]`, or `end`.
    @inline(__always)
    static func firstAmpersandOrLessThan(in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let ampersands = UInt64(UInt8(ascii: "&")) &* ones
            let lessThans = UInt64(UInt8(ascii: "<")) &* ones
            while i + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let a = word ^ ampersands
                let l = word ^ lessThans
                // In each, the lowest flagged byte is the first zero byte (borrows only flag
                // bytes above it), so the lowest flag of the two is the first match.
                let found = ((a &- ones) & ~a | (l &- ones) & ~l) & highs
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end {
            let byte = p[i]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") { return i }
            i += 1
        }
        return end
    }

    /// Index of the first `&`, `<` or `>` in `p[start..<end]`, or `end`.
    @inline(__always)
    static func firstReferenceOrAngleBracket(in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let ampersands = UInt64(UInt8(ascii: "&")) &* ones
            let lessThans = UInt64(UInt8(ascii: "<")) &* ones
            let greaterThans = UInt64(UInt8(ascii: ">")) &* ones
            while i + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let a = word ^ ampersands
                let l = word ^ lessThans
                let g = word ^ greaterThans
                // As in `firstAmpersandOrLessThan`: the lowest flag is the first match.
                let found = ((a &- ones) & ~a | (l &- ones) & ~l | (g &- ones) & ~g) & highs
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end {
            let byte = p[i]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") { return i }
            i += 1
        }
        return end
    }

    /// Index of the first `>`, `<`, `"` or `'` in `p[start..<end]`, or `end`.
    @inline(__always)
    static func firstTagDelimiter(in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let g = word ^ (UInt64(UInt8(ascii: ">")) &* ones)
                let l = word ^ (UInt64(UInt8(ascii: "<")) &* ones)
                let d = word ^ (UInt64(UInt8(ascii: "\"")) &* ones)
                let s = word ^ (UInt64(UInt8(ascii: "'")) &* ones)
                // As in `firstAmpersandOrLessThan`: the lowest flag is the first match.
                let found = ((g &- ones) & ~g | (l &- ones) & ~l | (d &- ones) & ~d | (s &- ones) & ~s) & highs
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end {
            let byte = p[i]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'") { return i }
            i += 1
        }
        return end
    }

    /// The number of line feeds in `p[start..<end]`, or nil when it holds a carriage return.
    static func lineFeedCount(in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var count = 0
        var carriageReturns: UInt64 = 0
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let lineFeeds = UInt64(0x0A) &* 0x0101_0101_0101_0101
            let returns = UInt64(0x0D) &* 0x0101_0101_0101_0101
            while i + 8 <= end {
                // One counter per byte lane, summed before it can reach 256.
                var lanes: UInt64 = 0
                let stop = min(end, i + 8 * 255)
                while i + 8 <= stop {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    // Exact per byte (no borrows): the high bit is set where the byte was zero.
                    let l = word ^ lineFeeds
                    let r = word ^ returns
                    lanes &+= ~((l & lows) &+ lows | l | lows) &>> 7
                    carriageReturns |= ~((r & lows) &+ lows | r | lows)
                    i += 8
                }
                let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ (lanes &>> 8 & 0x00FF_00FF_00FF_00FF)
                count &+= Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
            }
        }
        guard carriageReturns == 0 else { return nil }
        while i < end {
            if p[i] == 0x0D { return nil }
            if p[i] == 0x0A { count += 1 }
            i += 1
        }
        return count
    }
}
