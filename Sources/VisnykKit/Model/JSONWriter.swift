/// A small, fast JSON object writer: keys in the contract's order, absent values omitted.
/// (JSONEncoder would sort or shuffle keys and costs more than the parse on big feeds.)
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Forgets the bytes written so far (the nesting state stays), keeping their buffer for
    /// what comes next unless someone else still holds it.
    mutating func removeAllBytes() {
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }

    mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
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
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func element(_ value: String) {
        prefix(nil)
        appendString(value)
    }

    private mutating func prefix(_ key: String?) {
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
        }
        if let key {
            appendString(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Copies runs of bytes that need no escaping in one go; escapes the rest.
    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var i = Self.nextEscape(in: utf8, from: 0)
            while i < utf8.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                appendEscape(utf8[i])
                runStart = i + 1
                i = Self.nextEscape(in: utf8, from: runStart)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The index of the next byte JSON needs escaped (control, quote, backslash), eight bytes
    /// at a time: article text is long and rarely needs any.
    private static func nextEscape(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
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
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
