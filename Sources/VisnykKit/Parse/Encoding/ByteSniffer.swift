/// Reads what the first bytes of a document say about its encoding: a byte order mark, the
/// zero-byte pattern of UTF-16/32 (XML 1.0 Appendix F), an XML declaration's encoding.
enum ByteSniffer {
    struct Detection {
        let canonicalName: String
        let method: DecodingMethod
        /// Bytes to skip (the byte order mark).
        let skip: Int
    }

    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Detection? {
        func starts(with prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        if starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(canonicalName: "UTF-8", method: .utf8, skip: 3) }
        if starts(with: [0xFF, 0xFE, 0, 0]) {
            return Detection(canonicalName: "UTF-32LE", method: .utf32(bigEndian: false), skip: 4)
        }
        if starts(with: [0, 0, 0xFE, 0xFF]) {
            return Detection(canonicalName: "UTF-32BE", method: .utf32(bigEndian: true), skip: 4)
        }
        if starts(with: [0xFF, 0xFE]) {
            return Detection(canonicalName: "UTF-16LE", method: .utf16(bigEndian: false), skip: 2)
        }
        if starts(with: [0xFE, 0xFF]) {
            return Detection(canonicalName: "UTF-16BE", method: .utf16(bigEndian: true), skip: 2)
        }
        return nil
    }

    /// UTF-16 or UTF-32 without a byte order mark, recognized because a feed document starts
    /// with an ASCII character ('<', '{', '[' or white space), which leaves zero bytes around it.
    static func wideUnicodePattern(_ bytes: UnsafeBufferPointer<UInt8>) -> Detection? {
        guard bytes.count >= 4 else { return nil }
        let (b0, b1, b2, b3) = (bytes[0], bytes[1], bytes[2], bytes[3])
        func isASCII(_ byte: UInt8) -> Bool { byte != 0 && byte < 0x80 }
        if b0 == 0, b1 == 0, b2 == 0, isASCII(b3) {
            return Detection(canonicalName: "UTF-32BE", method: .utf32(bigEndian: true), skip: 0)
        }
        if isASCII(b0), b1 == 0, b2 == 0, b3 == 0 {
            return Detection(canonicalName: "UTF-32LE", method: .utf32(bigEndian: false), skip: 0)
        }
        if b0 == 0, isASCII(b1), b2 == 0, isASCII(b3) {
            return Detection(canonicalName: "UTF-16BE", method: .utf16(bigEndian: true), skip: 0)
        }
        if isASCII(b0), b1 == 0, isASCII(b2), b3 == 0 {
            return Detection(canonicalName: "UTF-16LE", method: .utf16(bigEndian: false), skip: 0)
        }
        return nil
    }

    /// For a document declared UTF-16 or UTF-32 that carries no byte order mark: the byte order
    /// its first character shows, or nil when the bytes do not look like that encoding at all.
    static func wideByteOrder(_ bytes: UnsafeBufferPointer<UInt8>, unitSize: Int) -> Bool? {
        guard bytes.count >= unitSize else { return nil }
        let unit = bytes.prefix(unitSize)
        if unit.last != 0, unit.dropLast().allSatisfy({ $0 == 0 }) { return true }
        if unit.first != 0, unit.dropFirst().allSatisfy({ $0 == 0 }) { return false }
        return nil
    }

    /// The `encoding` of an XML declaration at the start (after optional white space) of
    /// ASCII-compatible bytes (after a UTF-8 byte order mark, if any).
    static func xmlDeclarationEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = matches("\u{FEFF}", bytes, at: 0) ? 3 : 0
        let limit = min(bytes.count, 4096)
        while index < limit, isSpace(bytes[index]) { index += 1 }
        guard matches("<?xml", bytes, at: index), index + 5 < limit, isSpace(bytes[index + 5]) else { return nil }
        index += 5
        let declarationEnd = min(limit, index + 512)
        while index < declarationEnd, !matches("?>", bytes, at: index) {
            guard matches("encoding", bytes, at: index) else {
                index += 1
                continue
            }
            index += 8
            while index < declarationEnd, isSpace(bytes[index]) { index += 1 }
            guard index < declarationEnd, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < declarationEnd, isSpace(bytes[index]) { index += 1 }
            guard index < declarationEnd else { return nil }
            let quote = bytes[index]
            let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
            if quoted { index += 1 }
            let valueStart = index
            while index < declarationEnd, index - valueStart < 64 {
                let byte = bytes[index]
                if quoted ? byte == quote : (isSpace(byte) || byte == UInt8(ascii: "?")) { break }
                index += 1
            }
            let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func matches(_ literal: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }
}
