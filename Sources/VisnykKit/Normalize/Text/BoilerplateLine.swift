/// One line of an entry's text as learned boilerplate sees it: normalized like the content
/// hash (TextNormalizer.normalize), so that typography, case and spacing do not matter.
struct BoilerplateLine: Sendable {
    /// Longer lines are prose, never boilerplate; they are neither learned nor removed.
    static let maxCharacters = 200

    let normalized: String
    /// Ends like a sentence (. ! ? or …, which NFKC made "...", possibly before a closing
    /// quote or bracket): article prose, which never yields a prefix or a heading and is
    /// never taken as the varying line under a heading.
    let endsSentence: Bool
    /// Ends with a full stop (or "...", NFKC's "…"), possibly before a closing quote or
    /// bracket: what a heading never takes with it. Headlines may end with ? or !, prose
    /// mostly ends with a full stop.
    let endsWithFullStop: Bool

    /// Nil for a blank line and for a line longer than `maxCharacters`.
    init?(normalized: String) {
        guard !normalized.isEmpty, normalized.unicodeScalars.count <= Self.maxCharacters else { return nil }
        self.normalized = normalized
        let last = Self.lastBeforeClosers(normalized)
        endsSentence = last.map { Self.sentenceEnds.contains($0) } ?? false
        endsWithFullStop = last == "."
    }

    /// The words of the line: normalization left single spaces between them.
    var words: [Substring] {
        normalized.split(separator: " ")
    }

    /// The first `count` words, as a prefix string.
    func prefix(words: [Substring], count: Int) -> String {
        words[..<count].joined(separator: " ")
    }

    private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "»"]
    private static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "…"]

    private static func lastBeforeClosers(_ normalized: String) -> Unicode.Scalar? {
        var scalars = normalized.unicodeScalars[...]
        while let last = scalars.last, closers.contains(last) { scalars = scalars.dropLast() }
        return scalars.last
    }

    /// The lines of `text` split at "\n" (a "\r" before it belongs to the line ending), as
    /// `Boilerplate.removeLines` splits them.
    static func rawLines(of text: String) -> [Substring] {
        // Split on scalars: as Characters, "\r\n" is one grapheme and would not split on "\n".
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            scalars.last == "\r" ? Substring(scalars.dropLast()) : Substring(scalars)
        }
    }
}
