/// The boilerplate a source was found to repeat (DESIGN.md, content hash step 2), all in
/// normalized form (TextNormalizer.normalize): whole lines, line prefixes whose rest varies
/// ("наступна публікація" before a neighbour's title), and heading lines whose next line
/// varies (the same, when the title is on a line of its own).
public struct LearnedBoilerplate: Sendable, Equatable {
    /// Lines removed where they appear whole.
    public private(set) var lines: [String]
    /// Lines starting with one of these (at a word boundary) are removed.
    public private(set) var prefixes: [String]
    /// Lines removed with the line after them, when that one is short (200 characters at
    /// most) and does not end with a full stop: a headline ending in ? or ! goes, prose stays.
    public private(set) var headings: [String]

    private let lineSet: Set<String>
    private let headingSet: Set<String>

    public static let empty = LearnedBoilerplate(lines: [], prefixes: [], headings: [])

    public init(lines: [String], prefixes: [String], headings: [String]) {
        self.lines = lines.sorted()
        self.prefixes = prefixes.sorted()
        self.headings = headings.sorted()
        lineSet = Set(lines)
        headingSet = Set(headings)
    }

    public var isEmpty: Bool { lines.isEmpty && prefixes.isEmpty && headings.isEmpty }

    public static func == (a: LearnedBoilerplate, b: LearnedBoilerplate) -> Bool {
        a.lines == b.lines && a.prefixes == b.prefixes && a.headings == b.headings
    }

    /// `text` without its learned boilerplate lines; the others stay in order, as
    /// `Boilerplate.removeLines` keeps them. Blank lines left next to each other by a removal
    /// become one, and the result is trimmed. The text comes back unchanged (the same string)
    /// when nothing was removed, so its content hash does not move.
    public func removeLines(from text: String) -> String {
        guard !isEmpty else { return text }
        var kept: [Substring] = []
        var removedAny = false
        var headingAbove = false
        var lastKeptBlank = false
        for line in BoilerplateLine.rawLines(of: text) {
            let normalized = TextNormalizer.normalize(String(line))
            if normalized.isEmpty {
                if !lastKeptBlank { kept.append(line) }
                lastKeptBlank = true
                continue
            }
            if headingAbove {
                headingAbove = false
                if let below = BoilerplateLine(normalized: normalized), !below.endsWithFullStop {
                    removedAny = true
                    continue
                }
            }
            if isBoilerplate(normalized) {
                headingAbove = headingSet.contains(normalized)
                removedAny = true
                continue
            }
            kept.append(line)
            lastKeptBlank = false
        }
        guard removedAny else { return text }
        return kept.joined(separator: "\n").trimmingXMLWhitespace()
    }

    /// Whether a normalized line is a learned line or starts with a learned prefix.
    func isBoilerplate(_ normalized: String) -> Bool {
        if lineSet.contains(normalized) || headingSet.contains(normalized) { return true }
        // Longer lines are prose: never learned, never removed by a prefix.
        guard !prefixes.isEmpty, normalized.unicodeScalars.count <= BoilerplateLine.maxCharacters else { return false }
        let line = normalized.utf8
        for prefix in prefixes where line.starts(with: prefix.utf8) {
            let end = line.index(line.startIndex, offsetBy: prefix.utf8.count)
            if end == line.endIndex || line[end] == UInt8(ascii: " ") { return true }
        }
        return false
    }
}
