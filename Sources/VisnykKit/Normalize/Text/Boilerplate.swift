/// Removal of configured boilerplate lines (DESIGN.md, content hash step 2).
public enum Boilerplate {
    /// Removes every line of `text` that a pattern matches; keeps the others in order.
    /// Lines end at "\n" (a "\r" before it belongs to the line ending, not to the match).
    public static func removeLines(from text: String, matching patterns: [StripPattern]) -> String {
        guard !patterns.isEmpty else { return text }
        let needsNormalizedLine = patterns.contains { $0.isLiteral }
        var kept: [Substring] = []
        // Split on scalars: as Characters, "\r\n" is one grapheme and would not split on "\n".
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Substring(scalars)
            let content = scalars.last == "\r" ? Substring(scalars.dropLast()) : line
            let normalized = needsNormalizedLine ? TextNormalizer.normalize(String(content)) : ""
            if !patterns.contains(where: { $0.matches(line: content, normalizedLine: normalized) }) {
                kept.append(line)
            }
        }
        return kept.joined(separator: "\n")
    }
}
