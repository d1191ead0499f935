import Mustache

/// How `{{value}}` is escaped in the HTML part. Beyond `& < > " '`, it breaks the two patterns
/// that filters and people search a message for — an event handler (`onerror=`) and a script
/// URL (`javascript:`) — even where they are harmless text: `onerror&#61;`, `javascript&#58;`
/// render the same, but nobody has to prove that a title's "onload=" is not an attribute.
struct DigestHTMLEscaping: MustacheContentType {
    static let contentTypeName = "VISNYK_HTML"

    /// Makes the content type known to the template parser (once per process).
    static func register() { _ = registration }

    private static let registration: Void = {
        MustacheContentTypes.register(DigestHTMLEscaping(), named: contentTypeName)
    }()

    func escapeText(_ text: String) -> String {
        var text = text
        guard text.utf8.contains(where: Self.needsAttention) else { return text }
        return text.withUTF8(Self.escape)
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        // The run of ASCII letters just before the current byte: its last eight letters
        // (lowercased) packed into `tail`, its length, whether it began with "on", and whether
        // only spaces followed it.
        var tail: UInt64 = 0
        var length = 0
        var startsWithOn = false
        var spaced = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out += amp
            case UInt8(ascii: "<"): out += lt
            case UInt8(ascii: ">"): out += gt
            case UInt8(ascii: "\""): out += quot
            case UInt8(ascii: "'"): out += apos
            case UInt8(ascii: "=") where startsWithOn && length > 2: out += equals
            case UInt8(ascii: ":") where !spaced && length >= 6 && tail & 0xFFFF_FFFF_FFFF == script: out += colon
            default: out.append(byte)
            }
            let lower = byte | 0x20
            if lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") {
                if spaced { tail = 0; length = 0; spaced = false }
                tail = tail << 8 | UInt64(lower)
                length += 1
                if length == 2 { startsWithOn = tail == on }
            } else if byte <= UInt8(ascii: " "), length > 0 {
                spaced = true
            } else if length > 0 {
                tail = 0
                length = 0
                startsWithOn = false
                spaced = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func packed(_ letters: String) -> UInt64 {
        letters.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static let on = packed("on"), script = packed("script")
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
    private static let equals = Array("&#61;".utf8), colon = Array("&#58;".utf8)

    private static func needsAttention(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: "="), UInt8(ascii: ":"):
            true
        default:
            false
        }
    }
}
