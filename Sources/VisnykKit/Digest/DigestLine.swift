/// Text made into one line for a digest: `MailHeader.clean` (controls and line breaks
/// become spaces, runs of white space one space, ends trimmed), skipped for text that is
/// already clean — nearly all of it, and a digest holds thousands of titles and excerpts.
enum DigestLine {
    static func oneLine(_ text: String) -> String {
        isOneLine(text) ? text : MailHeader.clean(text)
    }

    /// No control, no Unicode white space but single inner spaces (U+0020).
    static func isOneLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previousWasSpace = true
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case 0x20:
                    if previousWasSpace { return false }
                    previousWasSpace = true
                    i += 1
                    continue
                case 0..<0x20, 0x7F:
                    return false
                case 0xC2: // U+0080…U+00A0: C1 controls, NEL, no-break space
                    if i + 1 < bytes.count, bytes[i + 1] <= 0xA0 { return false }
                case 0xE1: // U+1680 ogham space mark
                    if i + 2 < bytes.count, bytes[i + 1] == 0x9A, bytes[i + 2] == 0x80 { return false }
                case 0xE2: // U+2000…200A, 2028, 2029, 202F, 205F
                    if i + 2 < bytes.count {
                        let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                        if b1 == 0x80, b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return false }
                        if b1 == 0x81, b2 == 0x9F { return false }
                    }
                case 0xE3: // U+3000 ideographic space
                    if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return false }
                default:
                    break
                }
                previousWasSpace = false
                i += 1
            }
            return !previousWasSpace || bytes.isEmpty
        }
    }
}
