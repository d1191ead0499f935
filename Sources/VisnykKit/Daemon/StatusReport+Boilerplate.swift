import Foundation

extension StatusReport {
    /// What a source's boilerplate learner holds, for `visnyk status SOURCE`.
    public struct BoilerplateRow: Sendable, Codable, Equatable {
        /// Distinct entries observed in the window, of `windowSize`.
        public var entriesSeen: Int
        public var windowSize: Int
        /// Nothing is learned before this many entries were seen.
        public var minimumEntries: Int
        /// Normalized lines removed where they appear whole.
        public var lines: [String]
        /// Lines starting with these are removed.
        public var prefixes: [String]
        /// Lines removed with the line after them.
        public var headings: [String]
    }

    /// The status of one configured source (`visnyk status SOURCE`): its row as in the full
    /// report, with its learned boilerplate; the spool line stays, the digests are left out.
    public init(config: VisnykConfig, store: any StateBackend, source name: String, now: Date = Date()) throws {
        let names = config.sources.map(\.name)
        guard names.contains(name) else {
            throw UnknownSourceError(name: name, config: config.path,
                                     closest: ConfigKeys.closestName(to: name, among: names))
        }
        try self.init(config: config, store: store, now: now)
        sources = sources.filter { $0.name == name }
        digests = []
        let learner = try store.boilerplateLearner(forSource: name)
        let learned = learner.learned
        for index in sources.indices {
            sources[index].boilerplate = BoilerplateRow(
                entriesSeen: learner.entriesInWindow, windowSize: BoilerplateLearner.windowSize,
                minimumEntries: BoilerplateLearner.minimumEntries,
                lines: learned.lines, prefixes: learned.prefixes, headings: learned.headings)
        }
    }

    func boilerplateLines(_ row: SourceRow) -> [String] {
        guard let boilerplate = row.boilerplate else { return [] }
        var lines = ["  learned boilerplate from \(boilerplate.entriesSeen) of the last \(boilerplate.windowSize) entries"]
        if boilerplate.entriesSeen < boilerplate.minimumEntries {
            lines[0] += " (learning starts at \(boilerplate.minimumEntries))"
        } else if boilerplate.lines.isEmpty && boilerplate.prefixes.isEmpty && boilerplate.headings.isEmpty {
            lines[0] += ": none"
        }
        lines += boilerplate.lines.map { "    line: \($0)" }
        lines += boilerplate.prefixes.map { "    prefix: \($0) …" }
        lines += boilerplate.headings.map { "    heading: \($0) (and the line after it)" }
        return lines
    }
}

/// `visnyk status NAME` for a name that no [[source]] has.
public struct UnknownSourceError: Error, CustomStringConvertible, Sendable {
    public var name: String
    public var config: String
    public var closest: String?

    public var description: String {
        let hint = closest.map { " Did you mean \"\($0)\"?" } ?? " Run `visnyk status` to list the sources."
        return "No [[source]] in \(config) is named \"\(name)\".\(hint)"
    }
}
