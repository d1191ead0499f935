/// A candidate that may repeat with a varying rest — a prefix of a line (the rest of the line
/// varies), or a heading line (the next line varies) — and the key of that rest.
struct BoilerplateVariant: Hashable, Sendable {
    var candidate: UInt64
    var rest: UInt64
}

/// What the learner remembers of one entry: keys only, so that 50 of them stay small.
struct BoilerplateSample: Equatable, Sendable {
    /// A hostile entry with thousands of short lines must not bloat the window.
    static let maxLines = 400
    static let maxVariants = 1_000
    /// Prefixes are 2 to 5 whole words, and shorter than the line.
    static let prefixWords = 2...5

    var entry: UInt64
    /// Distinct keys of the entry's lines, sorted.
    var lines: [UInt64]
    /// Distinct candidates with their rests, sorted.
    var variants: [BoilerplateVariant]
}

/// One entry's sample and the strings behind its keys, kept only while a batch is learned.
struct BoilerplateObservation {
    var sample: BoilerplateSample
    var names: [UInt64: String] = [:]

    init(entryID: String, text: String) {
        // Blank lines are skipped; a long line stays as nil, so that it separates its neighbours.
        var lines: [BoilerplateLine?] = []
        for raw in BoilerplateLine.rawLines(of: text) {
            guard lines.count < BoilerplateSample.maxLines else { break }
            let normalized = TextNormalizer.normalize(String(raw))
            if !normalized.isEmpty { lines.append(BoilerplateLine(normalized: normalized)) }
        }
        var lineKeys = Set<UInt64>()
        var variants = Set<BoilerplateVariant>()
        for (index, line) in lines.enumerated() {
            guard let line else { continue }
            let key = BoilerplateKey.line(line.normalized)
            lineKeys.insert(key)
            names[key] = line.normalized
            guard !line.endsSentence, variants.count < BoilerplateSample.maxVariants else { continue }
            let words = line.words
            for count in BoilerplateSample.prefixWords where count < words.count {
                let prefix = line.prefix(words: words, count: count)
                let prefixKey = BoilerplateKey.prefix(prefix)
                variants.insert(BoilerplateVariant(candidate: prefixKey, rest: key))
                names[prefixKey] = prefix
            }
            // A constant line ("Наступна публікація") over a varying title line.
            if index + 1 < lines.count, let next = lines[index + 1], !next.endsSentence {
                let headingKey = BoilerplateKey.heading(line.normalized)
                variants.insert(BoilerplateVariant(candidate: headingKey, rest: BoilerplateKey.line(next.normalized)))
                names[headingKey] = line.normalized
            }
        }
        sample = BoilerplateSample(
            entry: BoilerplateKey.entry(entryID), lines: lineKeys.sorted(),
            variants: Array(variants.sorted { ($0.candidate, $0.rest) < ($1.candidate, $1.rest) }
                .prefix(BoilerplateSample.maxVariants)))
    }
}
