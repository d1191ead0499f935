import Foundation

/// `visnyk status`: per source what the daemon last did, and the spool's contents. Built from
/// the config and the state database only, so it works whether or not the daemon runs.
public struct StatusReport: Sendable, Codable, Equatable {
    public struct SourceRow: Sendable, Codable, Equatable {
        public var name: String
        public var url: String
        public var enabled: Bool
        /// "ok", "failing", "retired", "disabled" or "never polled".
        public var health: String
        public var lastPoll: Date?
        public var lastSuccess: Date?
        public var httpStatus: Int?
        public var nextPoll: Date?
        public var failures: Int
        public var failingSince: Date?
        public var lastError: String?
        public var lastWarning: String?
        public var newArticles: Int
        public var duplicates: Int
        public var updates: Int
        public var polls: Int
        public var notModified: Int
        /// Only in the report of one source (`visnyk status SOURCE`).
        public var boilerplate: BoilerplateRow? = nil
        /// Articles the source's include / exclude filters kept out, still remembered.
        public var filtered: Int = 0
    }

    public struct SpoolCounts: Sendable, Codable, Equatable {
        public var directory: String
        public var new: Int
        public var cur: Int
        public var tmp: Int
    }

    public var config: String
    public var sources: [SourceRow]
    public var spool: SpoolCounts
    public var seenArticles: Int
    public var digests: [DigestRow]
    /// nil unless the state is a PostgreSQL database shared by several daemons.
    public var cluster: ClusterRow?

    public init(config: VisnykConfig, store: any StateBackend, now: Date = Date()) throws {
        self.config = config.path
        let states = Dictionary(try store.allSourceStates().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var rows = config.sources.map { Self.row(for: $0, state: states[$0.name]) }
        for index in rows.indices { rows[index].filtered = try store.filteredCount(source: rows[index].name) }
        // Trouble first, then the configured order.
        sources = rows.filter { $0.health == "failing" || $0.health == "retired" }
            + rows.filter { $0.health != "failing" && $0.health != "retired" }
        spool = SpoolCounts(directory: config.spoolDir, new: Self.count(config.spoolDir, "new"),
                            cur: Self.count(config.spoolDir, "cur"), tmp: Self.count(config.spoolDir, "tmp"))
        seenArticles = try store.seenCount()
        digests = try Self.digestRows(config: config, store: store, now: now)
        cluster = try Self.clusterRow(store: store, sources: rows, now: now)
    }

    static func row(for source: SourceConfig, state: SourceState?) -> SourceRow {
        let health: String
        if state?.retired == true {
            health = "retired"
        } else if !source.enabled {
            health = "disabled"
        } else if (state?.consecutiveFailures ?? 0) > 0 {
            health = "failing"
        } else if state?.lastPollAt == nil {
            health = "never polled"
        } else {
            health = "ok"
        }
        let url: String
        if case .url(let configured) = source.location { url = state?.currentURL ?? configured } else { url = source.location.display }
        return SourceRow(
            name: source.name, url: url, enabled: source.enabled, health: health,
            lastPoll: state?.lastPollAt, lastSuccess: state?.lastSuccessAt, httpStatus: state?.lastStatus,
            nextPoll: state?.retired == true ? nil : state?.nextPollAt, failures: state?.consecutiveFailures ?? 0,
            failingSince: state?.failingSince, lastError: state?.lastError, lastWarning: state?.lastWarning,
            newArticles: state?.newCount ?? 0, duplicates: state?.duplicateCount ?? 0, updates: state?.updateCount ?? 0,
            polls: state?.pollCount ?? 0, notModified: state?.notModifiedCount ?? 0)
    }

    static func count(_ spool: String, _ folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: spool + "/" + folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.count
    }
}
