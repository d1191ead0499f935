/// Reads the free-text person forms of RSS: "joe@example.org (Joe Bloggs)",
/// "Joe Bloggs <joe@example.org>", "Joe Bloggs", "joe@example.org".
enum PersonText {
    static func parse(_ raw: String) -> Author? {
        let text = raw.trimmingXMLWhitespace()
        guard !text.isEmpty else { return nil }
        // Most bylines are a bare name: without '(', '<' or '@' no other form can match, and
        // the searches below walk Characters.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "@") }) {
            return Author(name: text)
        }
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            let outside = text[..<open].trimmingXMLWhitespace()
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingXMLWhitespace()
            if outside.contains(Character("@")), !outside.contains(Character(" ")) {
                return Author(name: inside.isEmpty ? nil : inside, email: outside)
            }
            if inside.contains(Character("@")), !inside.contains(Character(" ")) {
                return Author(name: outside.isEmpty ? nil : outside, email: inside)
            }
        }
        if let open = text.firstIndex(of: "<"), text.hasSuffix(">") {
            let name = text[..<open].trimmingXMLWhitespace()
            let email = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingXMLWhitespace()
            if email.contains(Character("@")) {
                return Author(name: name.isEmpty ? nil : stripQuotes(name), email: email)
            }
        }
        if text.contains(Character("@")), !text.contains(Character(" ")) {
            return Author(email: text.hasPrefix("mailto:") ? String(text.dropFirst(7)) : text)
        }
        return Author(name: text)
    }

    private static func stripQuotes(_ s: String) -> String {
        guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else { return s }
        return String(s.dropFirst().dropLast())
    }
}
