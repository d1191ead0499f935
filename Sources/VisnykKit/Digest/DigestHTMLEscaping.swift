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
        guard text.utf8.contains(where: Self.needsAttention) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        // The run of ASCII letters just before the current byte: whether it began with "on",
        // its last six letters (lowercased), and whether only spaces followed it.
        var tail: [UInt8] = []
        var length = 0
        var startsWithOn = false
        var spaced = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Self.amp
            case UInt8(ascii: "<"): out += Self.lt
            case UInt8(ascii: ">"): out += Self.gt
            case UInt8(ascii: "\""): out += Self.quot
            case UInt8(ascii: "'"): out += Self.apos
            case UInt8(ascii: "=") where startsWithOn && length > 2: out += Self.equals
            case UInt8(ascii: ":") where !spaced && tail.elementsEqual(Self.script): out += Self.colon
            default: out.append(byte)
            }
            let lower = byte | 0x20
            if lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") {
                if spaced { tail.removeAll(keepingCapacity: true); length = 0; spaced = false }
                if tail.count == 6 { tail.removeFirst() }
                tail.append(lower)
                length += 1
                if length == 2 { startsWithOn = tail[0] == UInt8(ascii: "o") && lower == UInt8(ascii: "n") }
            } else if byte <= UInt8(ascii: " "), length > 0 {
                spaced = true
            } else {
                tail.removeAll(keepingCapacity: true)
                length = 0
                startsWithOn = false
                spaced = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let script = Array("script".utf8)
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
