import Foundation

/// RFC 5322 header fields for `.eml` spool files: values cleaned of anything that could start
/// a new header (no header injection), non-ASCII or long values as RFC 2047 encoded words.
enum MailHeader {
    /// RFC 2047's limit on a line holding encoded words.
    static let encodedLineLimit = 76

    /// Control characters (CR, LF, the rest of C0, DEL, C1) and Unicode line and paragraph
    /// separators become spaces; runs of white space collapse to one; the ends are trimmed.
    static func clean(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029 || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// `Name: value` and CRLF. The value is written as it is when it is printable ASCII, holds
    /// no "=?" and the line stays within `rawLimit`; otherwise as encoded words, folded.
    static func unstructured(_ name: String, _ value: String, rawLimit: Int = 78) -> String {
        let value = clean(value)
        if isPlain(value), name.utf8.count + 2 + value.utf8.count <= rawLimit {
            return "\(name): \(value)\r\n"
        }
        return "\(name): " + encodedWords(value, firstLineUsed: name.utf8.count + 2).joined(separator: "\r\n ") + "\r\n"
    }

    /// `From: "Display Name" <address>` (quoted when plain ASCII, else encoded words).
    static func mailbox(_ name: String, displayName: String, address: String) -> String {
        let display = clean(displayName)
        if display.isEmpty { return "\(name): <\(address)>\r\n" }
        if isPlain(display) {
            let quoted = "\"" + display.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            let line = "\(name): \(quoted) <\(address)>"
            if line.utf8.count <= 78 { return line + "\r\n" }
        }
        let words = encodedWords(display, firstLineUsed: name.utf8.count + 2)
        let lastLine = (words.count == 1 ? name.utf8.count + 2 : 1) + words[words.count - 1].utf8.count
        let separator = lastLine + 2 + address.utf8.count + 1 <= 78 ? " " : "\r\n "
        return "\(name): " + words.joined(separator: "\r\n ") + separator + "<\(address)>\r\n"
    }

    /// RFC 2047 "B" encoded words of UTF-8 `value`, each within the line limit and each holding
    /// whole characters (a character is never split between two words). The first word shares
    /// its line with `firstLineUsed` characters; later ones follow a folding space.
    static func encodedWords(_ value: String, firstLineUsed: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        var budget = bytesPerWord(available: encodedLineLimit - firstLineUsed)
        for scalar in value.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > budget, !chunk.isEmpty {
                words.append(word(chunk))
                chunk.removeAll(keepingCapacity: true)
                budget = bytesPerWord(available: encodedLineLimit - 1)
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    /// `Sat, 28 Nov 2026 23:53:30 +0000`, in UTC (years clamped to 1970…9999).
    static func date(_ date: Date) -> String {
        var seconds = time_t(max(0, min(date.timeIntervalSince1970, 253_402_300_799)).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    private static func isPlain(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !value.contains("=?")
    }

    /// The most UTF-8 bytes whose encoded word, `=?UTF-8?B?` + base64 + `?=`, fits `available`.
    private static func bytesPerWord(available: Int) -> Int {
        max(4, (available - 12) / 4 * 3)
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
