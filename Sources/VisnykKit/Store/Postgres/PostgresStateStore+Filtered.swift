import Foundation
import NIOCore
import PostgresNIO

/// Articles a source's `include` / `exclude` filters kept out of the spool, recorded as seen
/// in a scope of their own per source, as in SQLite (StateStore+Filtered).
extension PostgresStateStore {
    /// Whether `source` ever filtered an article out (still remembered).
    public func hasFiltered(source: String) throws(StoreError) -> Bool {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query("SELECT EXISTS (SELECT 1 FROM seen WHERE scope = $1)",
                                      Binds { $0.add(Self.storable(StateStore.filteredScope(of: source))) }.bindings)
            return try decodeRows(rows, as: { row in try row.decode(Bool.self) }).first ?? false
        }
    }

    /// Those of `hashes` (32-byte SHA-256 digests) that `source` filtered out before.
    public func filteredHashes(among hashes: [Data], source: String) throws(StoreError) -> Set<Data> {
        guard !hashes.isEmpty else { return [] }
        return try session.withConnection { link throws(StoreError) in
            var binds = PostgresBindings()
            binds.append(Self.storable(StateStore.filteredScope(of: source)))
            binds.append(Set(hashes).map { ByteBuffer(bytes: $0) })
            let rows = try link.query("SELECT hash FROM seen WHERE scope = $1 AND hash = ANY($2)", binds)
            return Set(try decodeRows(rows, as: { row in try row.decode(Data.self) }))
        }
    }

    /// Records articles `source` filtered out, in one statement; a known one has its
    /// `lastSeen` refreshed at most daily, so that retention forgets only what left the feed.
    public func recordFiltered(_ articles: [(hash: Data, entryID: String)], source: String, at time: Date) throws(StoreError) {
        // One row per hash: a statement may not update the same row twice.
        var known = Set<Data>()
        let unique = articles.filter { known.insert($0.hash).inserted }
        guard !unique.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(Self.storable(StateStore.filteredScope(of: source)))
        binds.append(Int64(time.timeIntervalSince1970.rounded(.down)))
        binds.append(Self.storable(source))
        binds.append(unique.map { ByteBuffer(bytes: $0.hash) })
        binds.append(unique.map { Self.storable($0.entryID) })
        binds.append(unique.map {
            Self.storable(UnspooledFile.name("filtered", "\(source)/" + ContentHash.string(digestBytes: $0.hash)))
        })
        try session.withConnection { link throws(StoreError) in
            _ = try link.execute("""
                INSERT INTO seen (scope, hash, firstSeen, lastSeen, source, entryID, spoolFile)
                SELECT $1, u.hash, $2, $2, $3, u.entryID, u.spoolFile
                FROM unnest($4::bytea[], $5::text[], $6::text[]) AS u(hash, entryID, spoolFile)
                ON CONFLICT (scope, hash) DO UPDATE SET lastSeen = excluded.lastSeen
                WHERE seen.lastSeen + \(Deduper.touchInterval) <= excluded.lastSeen
                """, binds)
        }
    }

    /// How many articles `source` filtered out are remembered (for `visnyk status`).
    public func filteredCount(source: String) throws(StoreError) -> Int {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query("SELECT count(*) FROM seen WHERE scope = $1",
                                      Binds { $0.add(Self.storable(StateStore.filteredScope(of: source))) }.bindings)
            return try decodeRows(rows, as: { row in try row.decode(Int.self) }).first ?? 0
        }
    }
}
