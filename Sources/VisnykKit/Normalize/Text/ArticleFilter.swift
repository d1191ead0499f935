/// `include` and `exclude` patterns (of a source or a digest), with `strip` semantics: a literal
/// matches when the title, the text, an author's name or a category contains it (all
/// normalized, so case, typographic variants and spacing do not matter); a "/regex/"
/// ("/regex/i") matches a line of the title or the text, an author's name or a category.
/// An article passes when it matches any include (or there is none) and no exclude.
struct ArticleFilter: Sendable {
    let include: [StripPattern]
    let exclude: [StripPattern]

    /// Throws `StripPatternError` for a bad pattern (the config check refuses those first).
    init(include: [String], exclude: [String]) throws {
        self.include = try include.map { try StripPattern($0) }
        self.exclude = try exclude.map { try StripPattern($0) }
    }

    var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    func passes(title: String, text: String, authors: [String] = [], categories: [String] = []) -> Bool {
        guard !isEmpty else { return true }
        let subject = Subject(title: title, text: text, names: authors + categories)
        if !include.isEmpty && !include.contains(where: subject.matches) { return false }
        return !exclude.contains(where: subject.matches)
    }

    func passes(_ entry: Entry) -> Bool {
        passes(title: entry.title ?? "", text: entry.text, authors: entry.authors.compactMap(\.name),
               categories: entry.categories)
    }

    /// What is matched, normalized and split into lines once for all patterns.
    private final class Subject {
        let title: String
        let text: String
        /// Author names and categories: short values matched whole, each as one line.
        let names: [String]
        lazy var normalizedTitle = TextNormalizer.normalize(title)
        lazy var normalizedText = TextNormalizer.normalize(text)
        lazy var normalizedNames = names.map(TextNormalizer.normalize)
        lazy var lines = title.split(whereSeparator: \.isNewline) + text.split(whereSeparator: \.isNewline)
            + names.map { Substring($0) }

        init(title: String, text: String, names: [String]) {
            self.title = title
            self.text = text
            self.names = names
        }

        func matches(_ pattern: StripPattern) -> Bool {
            if pattern.isLiteral {
                return pattern.matches(line: "", normalizedLine: normalizedTitle)
                    || pattern.matches(line: "", normalizedLine: normalizedText)
                    || normalizedNames.contains { pattern.matches(line: "", normalizedLine: $0) }
            }
            return lines.contains { pattern.matches(line: $0, normalizedLine: "") }
        }
    }
}
