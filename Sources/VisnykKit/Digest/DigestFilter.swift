/// A digest's `include` and `exclude` patterns, with `strip` semantics: a literal matches when
/// the title or the text contains it (both normalized, so case, typographic variants and
/// spacing do not matter); a "/regex/" ("/regex/i") matches a line of the title or the text.
struct DigestFilter: Sendable {
    let include: [StripPattern]
    let exclude: [StripPattern]

    /// Throws `StripPatternError` for a bad pattern (the config check refuses those first).
    init(_ digest: DigestConfig) throws {
        include = try digest.include.map { try StripPattern($0) }
        exclude = try digest.exclude.map { try StripPattern($0) }
    }

    var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    /// Shown when it matches any include (or there is none) and no exclude.
    func shows(title: String, text: String) -> Bool {
        guard !isEmpty else { return true }
        let subject = Subject(title: title, text: text)
        if !include.isEmpty && !include.contains(where: subject.matches) { return false }
        return !exclude.contains(where: subject.matches)
    }

    /// The title and text, normalized and split into lines once for all patterns.
    private final class Subject {
        let title: String
        let text: String
        lazy var normalizedTitle = TextNormalizer.normalize(title)
        lazy var normalizedText = TextNormalizer.normalize(text)
        lazy var lines = title.split(whereSeparator: \.isNewline) + text.split(whereSeparator: \.isNewline)

        init(title: String, text: String) {
            self.title = title
            self.text = text
        }

        func matches(_ pattern: StripPattern) -> Bool {
            if pattern.isLiteral {
                return pattern.matches(line: "", normalizedLine: normalizedTitle)
                    || pattern.matches(line: "", normalizedLine: normalizedText)
            }
            return lines.contains { pattern.matches(line: $0, normalizedLine: "") }
        }
    }
}
