/// Titles in RSS may be plain text or HTML and nothing says which, so they are read as HTML —
/// but defensively: text that merely mentions a raw-text element ("Using <script> tags") must
/// not vanish up to the end of the title, and "&copy=2" in a URL-ish title is not ©.
/// White space collapses as HTML defines it (ASCII only): a no-break space is content.
enum TitleText {
    private static let rawTextElements: [String] = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]

    static func plain(fromHTML html: String) -> String {
        if isAlreadyPlain(html) { return html }
        return restoringNoBreakSpaces(HTMLText.inlineText(fromHTML: protectingNoBreakSpaces(defused(html))))
    }

    static func plain(fromText text: String) -> String {
        if isAlreadyPlain(text) { return text }
        return restoringNoBreakSpaces(HTMLText.inlineText(fromHTML: protectingNoBreakSpaces(HTMLEscaping.escapeText(text))))
    }

    /// Most titles are their own plain text, read as text or as HTML: no markup or reference,
    /// no control characters, single spaces between words only, no no-break space and no
    /// U+F8FF (which the no-break-space protection would turn into one).
    private static func isAlreadyPlain(_ title: String) -> Bool {
        title.utf8.withContiguousStorageIfAvailable { p in
            guard let first = p.first, let last = p.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in p {
                if byte < 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0xEF
                    || (byte == 0x20 && previous == 0x20) || (byte == 0xA0 && previous == 0xC2) {
                    return false
                }
                previous = byte
            }
            return true
        } ?? false
    }

    /// The text extractor collapses U+00A0 like a space (right for `text`, wrong for titles),
    /// so no-break spaces, written or as references, travel through it as a private-use
    /// character.
    private static let placeholder = "\u{F8FF}"
    private static let noBreakSpaceSpellings = ["\u{A0}", "&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#XA0;"]

    private static func protectingNoBreakSpaces(_ html: String) -> String {
        guard mayHoldNoBreakSpace(html) else { return html }
        var result = html
        for spelling in noBreakSpaceSpellings {
            result = result.replacing(spelling, with: placeholder)
        }
        return result
    }

    private static func restoringNoBreakSpaces(_ text: String) -> String {
        // U+F8FF is EF A3 BF in UTF-8.
        guard text.utf8.contains(0xEF) else { return text }
        return text.replacing(placeholder, with: "\u{A0}")
    }

    /// A byte scan, not Foundation's locale-aware search: this runs for every title.
    private static func mayHoldNoBreakSpace(_ html: String) -> Bool {
        if let found = html.utf8.withContiguousStorageIfAvailable({ mayHoldNoBreakSpace(utf8: $0) }) { return found }
        return Array(html.utf8).withUnsafeBufferPointer { mayHoldNoBreakSpace(utf8: $0) }
    }

    private static func mayHoldNoBreakSpace(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if previous == 0xC2, byte == 0xA0 { return true }
            if previous == UInt8(ascii: "&"), byte == UInt8(ascii: "n") || byte == UInt8(ascii: "#") { return true }
            previous = byte
        }
        return false
    }

    /// Escapes the `<` of raw-text element tags and every `&` that does not start a
    /// reference terminated by `;` (in text, HTML would decode legacy names without one).
    static func defused(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) || bytes.contains(UInt8(ascii: "&")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), opensRawText(bytes, at: i) {
                out += Array("&lt;".utf8)
            } else if byte == UInt8(ascii: "&"), !startsTerminatedReference(bytes, at: i) {
                out += Array("&amp;".utf8)
            } else {
                out.append(byte)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func opensRawText(_ bytes: [UInt8], at i: Int) -> Bool {
        var start = i + 1
        if start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
        for name in rawTextElements {
            let utf8 = Array(name.utf8)
            guard start + utf8.count <= bytes.count else { continue }
            var matches = true
            for k in 0..<utf8.count where bytes[start + k] | 0x20 != utf8[k] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    private static func startsTerminatedReference(_ bytes: [UInt8], at i: Int) -> Bool {
        var j = i + 1
        while j < bytes.count, j - i <= 40 {
            let b = bytes[j]
            if b == UInt8(ascii: ";") { return j > i + 1 }
            let isNameByte = (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "#")
            if !isNameByte { return false }
            j += 1
        }
        return false
    }
}
