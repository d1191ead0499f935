import Foundation
import GRDB

/// Articles a source's `include` / `exclude` filters kept out of the spool. They are recorded
/// as seen, so that they do not come back when the filters change, but in a scope of their
/// own per source: another source that carries the same story without filters still spools
/// it. Their `spoolFile` contains "/", a name no spool file can have, so recovery and the
/// spool name checks never mistake one for a file.
extension StateStore {
    /// The `seen` scope of the articles `source` filtered out; the unit separator keeps it
    /// apart from "" (global dedup) and from source names (dedup = "feed").
    static func filteredScope(of source: String) -> String {
        "filtered\u{1F}" + source
    }

    /// Whether `source` ever filtered an article out (still remembered).
    public func hasFiltered(source: String) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM seen WHERE scope = ?)",
                              arguments: [Self.filteredScope(of: source)]) ?? false
        }
    }

    /// Those of `hashes` (32-byte SHA-256 digests) that `source` filtered out before.
    public func filteredHashes(among hashes: [Data], source: String) throws(StoreError) -> Set<Data> {
        guard !hashes.isEmpty else { return [] }
        return try read { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM seen WHERE scope = ? AND hash = ?")
            let scope = Self.filteredScope(of: source)
            var found = Set<Data>()
            for hash in hashes where try Bool.fetchOne(statement, arguments: [scope, hash]) != nil {
                found.insert(hash)
            }
            return found
        }
    }

    /// Records articles `source` filtered out, in one transaction; a known one has its
    /// `lastSeen` refreshed at most daily (like `Deduper.touchInterval`), so that retention
    /// forgets only what left the feed.
    public func recordFiltered(_ articles: [(hash: Data, entryID: String)], source: String, at time: Date) throws(StoreError) {
        guard !articles.isEmpty else { return }
        let now = Int64(time.timeIntervalSince1970.rounded(.down))
        let scope = Self.filteredScope(of: source)
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO seen (scope, hash, firstSeen, lastSeen, source, entryID, spoolFile)
                VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)
                ON CONFLICT (scope, hash) DO UPDATE SET lastSeen = excluded.lastSeen
                WHERE seen.lastSeen + \(Deduper.touchInterval) <= excluded.lastSeen
                """)
            for article in articles {
                let marker = UnspooledFile.name("filtered", "\(source)/" + ContentHash.string(digestBytes: article.hash))
                try statement.execute(arguments: [scope, article.hash, now, source, article.entryID, marker])
            }
        }
    }

    /// How many articles `source` filtered out are remembered (for `visnyk status`).
    public func filteredCount(source: String) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM seen WHERE scope = ?",
                             arguments: [Self.filteredScope(of: source)]) ?? 0
        }
    }
}
