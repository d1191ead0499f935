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
            let ampersandLanes = SIMD16<UInt8>(repeating: UInt8(ascii: "&"))
            let lessThanLanes = SIMD16<UInt8>(repeating: UInt8(ascii: "<"))
            while i + 16 <= end {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hits = v .== ampersandLanes .| v .== lessThanLanes
                if let lane = HTMLByteSearch.firstTrueLane(hits) { return i + lane }
                i += 16
            }
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
            let ampersandLanes = SIMD16<UInt8>(repeating: UInt8(ascii: "&"))
            let lessThanLanes = SIMD16<UInt8>(repeating: UInt8(ascii: "<"))
            let greaterThanLanes = SIMD16<UInt8>(repeating: UInt8(ascii: ">"))
            while i + 16 <= end {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hits = v .== ampersandLanes .| v .== lessThanLanes .| v .== greaterThanLanes
                if let lane = HTMLByteSearch.firstTrueLane(hits) { return i + lane }
                i += 16
            }
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
            let greaterThanLanes = SIMD16<UInt8>(repeating: UInt8(ascii: ">"))
            let lessThanLanes = SIMD16<UInt8>(repeating: UInt8(ascii: "<"))
            let quoteLanes = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
            let apostropheLanes = SIMD16<UInt8>(repeating: UInt8(ascii: "'"))
            while i + 16 <= end {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hits = v .== greaterThanLanes .| v .== lessThanLanes .| v .== quoteLanes .| v .== apostropheLanes
                if let lane = HTMLByteSearch.firstTrueLane(hits) { return i + lane }
                i += 16
            }
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
    /// Sixteen bytes at a time (one compare and one subtract per byte class): it runs over
    /// every long CDATA section and text run of a feed.
    static func lineFeedCount(in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var count = 0
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let lineFeeds = SIMD16<UInt8>(repeating: 0x0A)
            let returns = SIMD16<UInt8>(repeating: 0x0D)
            var carriageReturns = SIMD16<Int8>()
            while i + 16 <= end {
                // One counter per byte lane, summed before it can reach 256. A true lane of a
                // comparison is -1, so subtracting it counts.
                var lanes = SIMD16<Int8>()
                let stop = min(end, i + 16 * 255)
                while i + 16 <= stop {
                    let bytes = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    lanes &-= unsafeBitCast(bytes .== lineFeeds, to: SIMD16<Int8>.self)
                    carriageReturns |= unsafeBitCast(bytes .== returns, to: SIMD16<Int8>.self)
                    i += 16
                }
                count &+= Int(SIMD16<UInt16>(truncatingIfNeeded: SIMD16<UInt8>(truncatingIfNeeded: lanes)).wrappedSum())
            }
            guard carriageReturns == SIMD16<Int8>() else { return nil }
        }
        while i < end {
            if p[i] == 0x0D { return nil }
            if p[i] == 0x0A { count += 1 }
            i += 1
        }
        return count
    }
}
