/// A small, fast JSON object writer: keys in the contract's order, absent values omitted.
/// (JSONEncoder would sort or shuffle keys and costs more than the parse on big feeds.)
///
/// The output is a raw growable buffer rather than an `[UInt8]`: sanitized HTML has an escape
/// every ~150 bytes (attribute quotes, line feeds), and appending each run and escape to an
/// array cost a uniqueness and capacity check and a generic call apiece.
struct JSONWriter: ~Copyable {
    private var output = UTF8Sink(capacity: 64)
    private var needsComma: [Bool] = []

    /// A copy of the bytes written so far.
    var bytes: [UInt8] {
        output.withBytes { Array($0) }
    }

    var byteCount: Int { output.count }

    /// Calls `body` with the bytes written so far, without copying them.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try output.withBytes(body)
    }

    mutating func reserveCapacity(_ count: Int) {
        output.reserve(count - output.count)
    }

    /// Forgets the bytes written so far (the nesting state stays), keeping their buffer for
    /// what comes next.
    mutating func removeAllBytes() {
        output.truncate(to: 0)
    }

    mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }

    mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        append(UInt8(ascii: "]"))
        needsComma.removeLast()
    }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        prefix(key)
        appendString(value)
    }

    mutating func field(_ key: String, _ value: Int64?) {
        guard let value else { return }
        prefix(key)
        var digits = String(value)
        digits.withUTF8 { output.append($0) }
    }

    mutating func element(_ value: String) {
        prefix(nil)
        appendString(value)
    }

    private mutating func prefix(_ key: String?) {
        if let last = needsComma.last {
            if last { append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
        }
        if let key {
            appendString(key)
            append(UInt8(ascii: ":"))
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        output.reserve(1)
        output.appendUnchecked(byte)
    }

    /// Copies runs of bytes that need no escaping in one go; escapes the rest.
    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            output.reserve(utf8.count + 2)
            output.appendUnchecked(UInt8(ascii: "\""))
            var runStart = 0
            var i = Self.nextEscape(in: utf8, from: 0)
            while i < utf8.count {
                output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                appendEscape(utf8[i])
                runStart = i + 1
                i = Self.nextEscape(in: utf8, from: runStart)
            }
            output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        append(UInt8(ascii: "\""))
    }

    /// The index of the next byte JSON needs escaped (control, quote, backslash), sixteen
    /// bytes at a time: article text is long and rarely needs any.
    private static func nextEscape(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            let lastControl = SIMD16<UInt8>(repeating: 0x1F)
            let quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
            let backslashes = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
            while i + 16 <= p.count {
                let bytes = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hits = bytes .<= lastControl .| bytes .== quotes .| bytes .== backslashes
                // A true lane is 0xFF: the two halves as words give the first hit's byte.
                let halves = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
                if halves[0] != 0 { return i + UInt64(littleEndian: halves[0]).trailingZeroBitCount >> 3 }
                if halves[1] != 0 { return i + 8 + UInt64(littleEndian: halves[1]).trailingZeroBitCount >> 3 }
                i += 16
            }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= p.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let control = (word &- 0x20 &* ones) & ~word & highs
                let quote = word ^ (0x22 &* ones)
                let backslash = word ^ (0x5C &* ones)
                let hits = control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)
                // Borrows flag only bytes above a real hit, so the lowest flag is a real one.
                if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < p.count {
            let byte = p[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return p.count
    }

    private mutating func appendEscape(_ byte: UInt8) {
        output.reserve(6)
        output.appendUnchecked(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.appendUnchecked(byte)
        case 0x0A: output.appendUnchecked(UInt8(ascii: "n"))
        case 0x0D: output.appendUnchecked(UInt8(ascii: "r"))
        case 0x09: output.appendUnchecked(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            output.appendUnchecked(UInt8(ascii: "u"))
            output.appendUnchecked(UInt8(ascii: "0"))
            output.appendUnchecked(UInt8(ascii: "0"))
            output.appendUnchecked(hex.utf8Start[Int(byte >> 4)])
            output.appendUnchecked(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}
