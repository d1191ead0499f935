/// Titles, links and excerpt sources as a digest may show them.
enum DigestText {
    /// A title cut longer than this ends in "…".
    static let maxTitleCharacters = 300
    /// A title made from the text when the feed gave none.
    static let derivedTitleCharacters = 100

    /// The title to show: the feed's (on one line, without controls), else the start of the
    /// text, else the link, else "(no title)"; and the text left for the excerpt, without a
    /// first line that only repeats the title.
    static func titleAndBody(title: String?, text: String, link: String?) -> (title: String, body: Substring) {
        let (firstLine, rest) = splitFirstLine(text)
        let cleaned = Excerpt.make(title ?? "", limit: maxTitleCharacters)
        if !cleaned.isEmpty {
            // A first line much longer than the title cannot normalize to it: not normalized.
            let repeats = !firstLine.isEmpty && firstLine.utf8.count <= cleaned.utf8.count * 2 + 64
                && TextNormalizer.normalize(String(firstLine)) == TextNormalizer.normalize(cleaned)
            return (cleaned, repeats ? rest : Substring(text))
        }
        let derived = Excerpt.make(String(firstLine), limit: derivedTitleCharacters)
        if !derived.isEmpty {
            // A cut first line is still read in full in the excerpt.
            return (derived, derived.hasSuffix("…") ? Substring(text) : rest)
        }
        if let link = webLink(link) { return (Excerpt.make(link, limit: maxTitleCharacters), rest) }
        return ("(no title)", rest)
    }

    /// `link` when it is an http or https URL with a host and without white space or controls.
    static func webLink(_ link: String?) -> String? {
        guard let link else { return nil }
        let lower = link.prefix(8).lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0,
              !link.unicodeScalars.contains(where: { TypographicVariants.isWhiteSpace($0.value) || Excerpt.isControl($0) })
        else { return nil }
        let rest = link.dropFirst(schemeLength)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : link
    }

    /// The scalars Character.isNewline knows: LF, VT, FF, CR, NEL, LS, PS.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The first non-empty line of `text`, and what follows it.
    private static func splitFirstLine(_ text: String) -> (Substring, Substring) {
        // By scalars: a line break is always a character boundary, and scalars need no
        // grapheme breaking over what may be the whole text.
        let scalars = text.unicodeScalars
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? text.endIndex
        let end = scalars[start...].firstIndex(where: isLineBreak) ?? text.endIndex
        return (text[start..<end], text[end...])
    }
}
