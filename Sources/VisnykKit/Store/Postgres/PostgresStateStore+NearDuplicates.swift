import Foundation
import NIOCore
import PostgresNIO

/// The near-duplicate index in PostgreSQL: the SQLite store's persisted level alone
/// (StateStore+NearDuplicates), without its level in memory, which one node could not share
/// with the others. An article enters `near_articles`, and its LSH band keys `near_bands`, in
/// the transaction that records it as seen; a lookup takes from each of its bands' buckets the
/// newest `persistedBucketLimit` articles, of these the `nearDuplicateCandidateLimit` sharing the
/// most bands within the window, and checks them exactly (`NearDuplicateSettings.matches`).
/// Articles older than the window leave in the recording transactions, a few at a time.
extension PostgresStateStore {
    /// For each lookup, the story (its first article's content hash, "sha256:…") of the most
    /// similar indexed article within the window, or nil. One statement for all lookups.
    public func nearDuplicateStories(_ lookups: [NearDuplicateLookup],
                                     settings: NearDuplicateSettings) throws(StoreError) -> [String?] {
        let asked = lookups.indices.filter {
            lookups[$0].fingerprint.isIndexable && lookups[$0].fingerprint.bandKeys.count == settings.bands
        }
        guard !asked.isEmpty else { return lookups.map { _ in nil } }
        var binds = Binds()
        binds.add(asked.flatMap { index in repeatElement(Int64(index), count: lookups[index].fingerprint.bandKeys.count) })
        binds.add(asked.flatMap { lookups[$0].fingerprint.bandKeys.map { Int64($0) } })
        binds.add(asked.map { Int64($0) })
        binds.add(asked.map { lookups[$0].time - settings.window })
        binds.add(asked.map { lookups[$0].time + settings.window })
        let rows = try session.withConnection { link throws(StoreError) in
            try link.query("""
                WITH buckets AS (
                    SELECT k.item, b.article
                    FROM unnest($1::bigint[], $2::bigint[]) AS k(item, key)
                    CROSS JOIN LATERAL (
                        SELECT article FROM near_bands WHERE key = k.key
                        ORDER BY article DESC LIMIT \(StateStore.persistedBucketLimit)) AS b
                ), shared AS (
                    SELECT item, article, count(*) AS shared FROM buckets GROUP BY item, article
                ), ranked AS (
                    SELECT s.item, a.time, a.story, a.shingles,
                           row_number() OVER (PARTITION BY s.item ORDER BY s.shared DESC, s.article) AS rank
                    FROM shared s
                    JOIN unnest($3::bigint[], $4::bigint[], $5::bigint[]) AS w(item, low, high) ON w.item = s.item
                    JOIN near_articles a ON a.id = s.article
                    WHERE a.time BETWEEN w.low AND w.high
                )
                SELECT item, time, story, shingles FROM ranked
                WHERE rank <= \(StateStore.nearDuplicateCandidateLimit)
                """, binds.bindings)
        }
        var candidates: [Int: [NearDuplicateCandidate]] = [:]
        for row in rows {
            let (item, time, story, shingles) = try row.decodedColumns((Int64, Int64, Data, Data).self, database: location)
            candidates[Int(item), default: []].append(NearDuplicateCandidate(
                id: ContentHash.string(digestBytes: story), time: time, shingles: ShingleSet(hashes: StateStore.uint32s(shingles))))
        }
        return lookups.indices.map { index in
            guard let found = candidates[index] else { return nil }
            let lookup = lookups[index]
            return settings.matches(lookup.fingerprint.shingles, at: lookup.time, among: found).first?.id
        }
    }

    /// Inside `record`'s transaction, one statement: adds the articles to `near_articles` and
    /// their band keys to `near_bands`, and prunes articles older than the window, at most a few
    /// more than it adds (those another node is pruning at the moment are skipped, not awaited).
    static func indexNearDuplicates(_ items: [NearDuplicateIndexItem], storage: NearDuplicateStorage,
                                    at now: Int64, _ link: PostgresLink) throws(StoreError) {
        let items = items.filter { $0.fingerprint.isIndexable }
        guard !items.isEmpty else { return }
        var binds = Binds()
        binds.add(now - storage.settings.window)
        binds.add(2 * items.count + 8)
        binds.bindings.append(items.map { ByteBuffer(bytes: $0.story) })
        binds.add(items.map(\.time))
        binds.bindings.append(items.map { ByteBuffer(bytes: StateStore.blob($0.fingerprint.shingles.hashes)) })
        binds.add(items.indices.flatMap { index in repeatElement(Int64(index + 1), count: items[index].fingerprint.bandKeys.count) })
        binds.add(items.flatMap { $0.fingerprint.bandKeys.map { Int64($0) } })
        try link.execute("""
            WITH pruned AS (
                DELETE FROM near_articles WHERE id IN (
                    SELECT o.id FROM near_articles o WHERE o.time < $1 ORDER BY o.time LIMIT $2 FOR UPDATE SKIP LOCKED)
            ), input AS MATERIALIZED (
                SELECT nextval(pg_get_serial_sequence('near_articles', 'id')) AS id, u.story, u.time, u.shingles, u.n
                FROM unnest($3::bytea[], $4::bigint[], $5::bytea[]) WITH ORDINALITY AS u(story, time, shingles, n)
            ), articles AS (
                INSERT INTO near_articles (id, story, time, shingles)
                SELECT i.id, i.story, i.time, i.shingles FROM input i ORDER BY i.n
            )
            INSERT INTO near_bands (key, article)
            SELECT b.key, i.id FROM unnest($6::bigint[], $7::bigint[]) AS b(item, key) JOIN input i ON i.n = b.item
            ORDER BY b.key, i.id
            ON CONFLICT DO NOTHING
            """, binds.bindings)
    }

    /// Inside `record`'s transaction, one statement: records each new article that was not
    /// spooled (near_duplicates = "drop") as seen, under a spool file name no file can have
    /// ("dropped/" and its hash), and its source as a carrier of the story's first article when
    /// that is still recorded. Returns, in the caller's order, which were recorded: false when
    /// another writer (another node) recorded the same article first.
    static func recordDropped(_ dropped: [DroppedNearDuplicate], at now: Int64,
                              _ link: PostgresLink) throws(StoreError) -> [Bool] {
        guard !dropped.isEmpty else { return [] }
        let order = dropped.indices.sorted { keyPrecedes(dropped[$0].query.key, $0, dropped[$1].query.key, $1) }
        let marker = { (index: Int) in
            UnspooledFile.name("dropped", String(ContentHash.string(digestBytes: dropped[index].query.key.hash).dropFirst(7)))
        }
        var binds = Binds()
        binds.add(order.map { dropped[$0].query.key.scope })
        binds.bindings.append(order.map { ByteBuffer(bytes: dropped[$0].query.key.hash) })
        binds.add(order.map { dropped[$0].query.source })
        binds.add(order.map { dropped[$0].query.entryID })
        binds.add(order.map(marker))
        binds.bindings.append(order.map { ByteBuffer(bytes: dropped[$0].story) })
        binds.add(now)
        // No conflict target: two nodes dropping one article at once give the same marker, and
        // its unique index must skip the second too, not fail its transaction.
        let rows = try link.query("""
            WITH input AS (
                SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::bytea[])
                     WITH ORDINALITY AS u(scope, hash, source, entryID, spoolFile, story, n)
            ), recorded AS (
                INSERT INTO seen (scope, hash, firstSeen, lastSeen, source, entryID, spoolFile)
                SELECT i.scope, i.hash, $7, $7, i.source, i.entryID, i.spoolFile FROM input i ORDER BY i.n
                ON CONFLICT DO NOTHING
                RETURNING scope, hash
            ), carried AS (
                INSERT INTO carriers (scope, hash, source, firstSeen)
                SELECT i.scope, i.story, i.source, $7 FROM input i
                JOIN recorded r ON r.scope = i.scope AND r.hash = i.hash
                WHERE EXISTS (SELECT 1 FROM seen s WHERE s.scope = i.scope AND s.hash = i.story AND s.source <> i.source)
                ON CONFLICT DO NOTHING
            )
            SELECT scope, hash FROM recorded
            """, binds.bindings)
        var inserted = Set<SeenKey>()
        for row in rows {
            let (scope, hash) = try row.decodedColumns((String, Data).self, database: link.session.url.display)
            inserted.insert(SeenKey(scope: scope, hash: hash))
        }
        var recorded = Array(repeating: false, count: dropped.count)
        for index in order { recorded[index] = inserted.remove(dropped[index].query.key) != nil }
        return recorded
    }
}
