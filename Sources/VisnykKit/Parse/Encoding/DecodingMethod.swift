/// How the bytes of one canonical encoding are turned into UTF-8.
enum DecodingMethod {
    case utf8
    case utf16(bigEndian: Bool)
    case utf32(bigEndian: Bool)
    case singleByte(SingleByteCodePage)
    /// Through iconv under the given glibc name.
    case iconv(String)

    init?(canonicalName: String) {
        switch canonicalName {
        case "UTF-8": self = .utf8
        case "UTF-16LE": self = .utf16(bigEndian: false)
        case "UTF-16BE": self = .utf16(bigEndian: true)
        case "UTF-32LE": self = .utf32(bigEndian: false)
        case "UTF-32BE": self = .utf32(bigEndian: true)
        // WHATWG's decoders are supersets of the namesakes; these are glibc's closest matches.
        case "GBK", "gb18030": self = .iconv("GB18030")
        case "Big5": self = .iconv("BIG5-HKSCS")
        case "EUC-JP": self = .iconv("EUC-JP")
        case "ISO-2022-JP": self = .iconv("ISO-2022-JP")
        case "Shift_JIS": self = .iconv("CP932")
        case "EUC-KR": self = .iconv("CP949")
        default:
            guard let page = SingleByteCodePage(canonicalName: canonicalName) else { return nil }
            self = .singleByte(page)
        }
    }

    /// UTF-16 and UTF-32 of either byte order; other encodings are ASCII-compatible.
    var isWide: Bool {
        switch self {
        case .utf16, .utf32: true
        default: false
        }
    }

    var isUTF8: Bool {
        if case .utf8 = self { true } else { false }
    }
}
