/// Decodes UTF-16 and UTF-32 (either byte order) into UTF-8, replacing unpaired surrogates,
/// out-of-range values and a truncated tail with U+FFFD and dropping XML-illegal characters.
enum WideUnicodeDecoder {
    struct Decoded {
        var utf8: [UInt8] = []
        var replaced = 0
        var dropped = 0

        mutating func append(_ scalar: UInt32) {
            switch scalar {
            case 0x09, 0x0A, 0x0D, 0x20..<0x80:
                utf8.append(UInt8(truncatingIfNeeded: scalar))
            case 0..<0x20, 0xFFFE, 0xFFFF:
                dropped += 1
            case 0x80..<0x800:
                utf8.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
                utf8.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
            case 0xD800..<0xE000, 0x110000...:
                utf8.append(contentsOf: UTF8Cleaner.replacementCharacter)
                replaced += 1
            case 0x800..<0x10000:
                utf8.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
                utf8.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
                utf8.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
            default:
                utf8.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
                utf8.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
                utf8.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
                utf8.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
            }
        }
    }

    static func decodeUTF16(_ input: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool) -> Decoded {
        var decoded = Decoded()
        decoded.utf8.reserveCapacity((input.count - start) * 3 / 2)
        func unit(_ index: Int) -> UInt32 {
            bigEndian
                ? UInt32(input[index]) << 8 | UInt32(input[index + 1])
                : UInt32(input[index + 1]) << 8 | UInt32(input[index])
        }
        var index = start
        while index + 1 < input.count {
            let first = unit(index)
            index += 2
            if first >= 0xD800 && first < 0xDC00, index + 1 < input.count {
                let second = unit(index)
                if second >= 0xDC00 && second < 0xE000 {
                    index += 2
                    decoded.append(0x10000 + ((first - 0xD800) << 10 | (second - 0xDC00)))
                    continue
                }
            }
            decoded.append(first)  // a lone surrogate becomes U+FFFD
        }
        if index < input.count { decoded.append(0xD800) }  // odd trailing byte
        return decoded
    }

    static func decodeUTF32(_ input: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool) -> Decoded {
        var decoded = Decoded()
        decoded.utf8.reserveCapacity((input.count - start) / 2)
        var index = start
        while index + 3 < input.count {
            let bytes = (UInt32(input[index]), UInt32(input[index + 1]), UInt32(input[index + 2]), UInt32(input[index + 3]))
            decoded.append(bigEndian
                ? bytes.0 << 24 | bytes.1 << 16 | bytes.2 << 8 | bytes.3
                : bytes.3 << 24 | bytes.2 << 16 | bytes.1 << 8 | bytes.0)
            index += 4
        }
        if index < input.count { decoded.append(0xD800) }  // truncated last unit
        return decoded
    }
}
