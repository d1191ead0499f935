/// Learns a source's boilerplate from its recent entries (issue 5, DESIGN.md content hash
/// step 2): a line that appears in at least 60% of the last 50 distinct entries, once at least
/// 5 were seen, is boilerplate; so is a prefix of 2 to 5 words, or a heading line, whose rest
/// (the rest of the line, or the next line) varies between entries.
///
/// Prose is protected: only lines up to 200 characters count; a line that ends like a
/// sentence never yields a prefix or a heading and is never taken as a heading's varying line;
/// a prefix or heading qualifies only when what follows it varies (a constant line is learned
/// whole instead). So "Про це повідомляє пресслужба ОВА." opening most articles is kept,
/// while "Наступна публікація <another title>" goes.
///
/// Entries are observed before learned lines are removed from them (else learned lines
/// would vanish from the counts), each once, by entry id.
public struct BoilerplateLearner: Sendable, Equatable {
    /// How many distinct entries the counts cover.
    public static let windowSize = BoilerplateWindow.capacity
    /// Nothing is learned from fewer entries.
    public static let minimumEntries = 5
    /// The share of the window an item must appear in, as numerator over 100.
    public static let sharePercent = 60
    /// A hostile feed repeating hundreds of lines cannot grow the learned set without bound.
    static let maxLearnedLines = 100
    static let maxLearnedVariants = 40

    var window: BoilerplateWindow
    public private(set) var learned: LearnedBoilerplate

    public init() {
        window = BoilerplateWindow()
        learned = .empty
    }

    init(window: BoilerplateWindow, learned: LearnedBoilerplate) {
        self.window = window
        self.learned = learned
    }

    /// How many distinct entries the window holds (at most `windowSize`).
    public var entriesInWindow: Int { window.samples.count }

    /// Observes the entries not observed before (the `text` each has before learned removal)
    /// and learns again; returns how many were new. Feeds list the newest first, so they are
    /// taken in reverse, to leave the newest in the window; of a long feed only the newest
    /// few hundred are read (the window keeps 50), so a huge first poll costs no more.
    @discardableResult
    public mutating func observe(_ entries: [Entry]) -> Int {
        observe(entries.prefix(BoilerplateWindow.recentCapacity).reversed().map { (id: $0.id, text: $0.text) })
    }

    /// `observe` for one entry; returns whether it was new.
    @discardableResult
    public mutating func observe(id: String, text: String) -> Bool {
        observe([(id: id, text: text)]) == 1
    }

    /// `observe` for (entry id, text) pairs, oldest first.
    @discardableResult
    public mutating func observe(_ entries: [(id: String, text: String)]) -> Int {
        var names: [UInt64: String] = [:]
        var observed = 0
        for (id, text) in entries where !window.hasObserved(entry: BoilerplateKey.entry(id)) {
            let observation = BoilerplateObservation(entryID: id, text: text)
            window.append(observation.sample)
            names.merge(observation.names) { first, _ in first }
            observed += 1
        }
        if observed > 0 { relearn(names: names) }
        return observed
    }

    /// Recounts the window. An item that qualifies keeps its string from the learned set, or
    /// takes it from the entries just observed; one that qualified only by the window growing
    /// (at the fifth entry) and is absent from these entries is learned when it next appears.
    private mutating func relearn(names: [UInt64: String]) {
        let count = window.samples.count
        guard count >= Self.minimumEntries else {
            learned = .empty
            return
        }
        var lineCounts: [UInt64: Int] = [:]
        var candidateCounts: [UInt64: Int] = [:]
        var firstRest: [UInt64: UInt64] = [:]
        var varying = Set<UInt64>()
        for sample in window.samples {
            for line in sample.lines { lineCounts[line, default: 0] += 1 }
            var previous: UInt64?
            for variant in sample.variants {
                // Sorted by candidate: count each candidate once per entry.
                if variant.candidate != previous { candidateCounts[variant.candidate, default: 0] += 1 }
                previous = variant.candidate
                if let first = firstRest[variant.candidate] {
                    if first != variant.rest { varying.insert(variant.candidate) }
                } else {
                    firstRest[variant.candidate] = variant.rest
                }
            }
        }
        func qualifies(_ seen: Int?) -> Bool { (seen ?? 0) * 100 >= count * Self.sharePercent }
        func name(_ key: UInt64, known: [String], keyOf: (String) -> UInt64) -> String? {
            names[key] ?? known.first { keyOf($0) == key }
        }

        let lineKeys = lineCounts.filter { qualifies($0.value) }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let lines = lineKeys.prefix(Self.maxLearnedLines).compactMap {
            name($0.key, known: learned.lines, keyOf: BoilerplateKey.line)
        }
        var prefixes: [(text: String, seen: Int)] = []
        var headings: [String] = []
        var candidates = candidateCounts.filter { qualifies($0.value) && varying.contains($0.key) }
        let explained = Self.explainedCandidates(in: window.samples, candidates: Set(candidates.keys))
        candidates = candidates.filter { !explained.contains($0.key) }
        for (key, seen) in candidates.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(Self.maxLearnedVariants) {
            if let prefix = name(key, known: learned.prefixes, keyOf: BoilerplateKey.prefix),
               BoilerplateKey.prefix(prefix) == key {
                prefixes.append((prefix, seen))
            } else if let heading = name(key, known: learned.headings, keyOf: BoilerplateKey.heading),
                      BoilerplateKey.heading(heading) == key {
                headings.append(heading)
            }
        }
        learned = LearnedBoilerplate(lines: lines, prefixes: Self.keepingLongest(prefixes), headings: headings)
    }

    /// Candidates that another explains, where a heading's varying lines start with a prefix:
    /// - a prefix on every line under a heading explains it ("Слідкуй за нами:" above
    ///   "Попередня публікація <title>"): the heading goes, the prefix stays;
    /// - a prefix found mostly on the lines under a heading, but not on all of them, is a
    ///   common start of the varying lines themselves: with the neighbours' titles on lines of
    ///   their own, "у львові" starts most of them on a Lviv site, yet it is no boilerplate,
    ///   and learned as a prefix it would remove body lines. The prefix goes.
    static func explainedCandidates(in samples: [BoilerplateSample], candidates: Set<UInt64>) -> Set<UInt64> {
        var headingCounts: [UInt64: Int] = [:]
        var prefixCounts: [UInt64: Int] = [:]
        // (heading, prefix) → how many of the heading's lines start with the prefix.
        var shared: [BoilerplateVariant: Int] = [:]
        for sample in samples {
            var prefixesOfLine: [UInt64: [UInt64]] = [:]
            for variant in sample.variants where candidates.contains(variant.candidate) {
                if BoilerplateKey.isHeading(variant.candidate) {
                    headingCounts[variant.candidate, default: 0] += 1
                } else {
                    prefixCounts[variant.candidate, default: 0] += 1
                    prefixesOfLine[variant.rest, default: []].append(variant.candidate)
                }
            }
            for variant in sample.variants where headingCounts[variant.candidate] != nil {
                for prefix in prefixesOfLine[variant.rest] ?? [] {
                    shared[BoilerplateVariant(candidate: variant.candidate, rest: prefix), default: 0] += 1
                }
            }
        }
        var explained = Set<UInt64>()
        for (pair, count) in shared {
            if count == headingCounts[pair.candidate] {
                explained.insert(pair.candidate)
            } else if count * 2 >= prefixCounts[pair.rest] ?? 0 {
                explained.insert(pair.rest)
            }
        }
        return explained
    }

    /// Of two learned prefixes where one extends the other by whole words, the longer is kept
    /// when it covers as many entries (it says more, at no cost), else the shorter (it covers
    /// more: "наступна публікація" over "наступна публікація у", which only titles starting
    /// with "У" carry).
    static func keepingLongest(_ prefixes: [(text: String, seen: Int)]) -> [String] {
        var dropped = Set<String>()
        for shorter in prefixes {
            for longer in prefixes where longer.text.utf8.count > shorter.text.utf8.count
                && longer.text.hasPrefix(shorter.text + " ") {
                dropped.insert(longer.seen >= shorter.seen ? shorter.text : longer.text)
            }
        }
        return prefixes.map(\.text).filter { !dropped.contains($0) }
    }
}
