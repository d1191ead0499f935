import Foundation
import NIOCore
import PostgresNIO

/// The seen articles, as StateStore+Seen keeps them in SQLite, with each batch sent as arrays
/// (`unnest`): a poll's lookups are one round trip, and its records a fixed few plus one per
/// queued article, whatever the number of entries.
///
/// The insert into `seen` (`ON CONFLICT (scope, hash) DO NOTHING`) is the cluster's single point
/// of truth: when two nodes record one hash at once, the second waits for the first to commit
/// and finds the row there, so exactly one of them gets true and spools the article.
extension PostgresStateStore {
    /// The seen row and the entry identity of every query, in one statement (one snapshot).
    public func lookUp(_ queries: [SeenQuery]) throws(StoreError) -> [SeenLookup] {
        guard !queries.isEmpty else { return [] }
        let queries = queries.map(\.storable)
        var binds = Binds()
        binds.add(queries.map(\.key.scope))
        binds.bindings.append(queries.map { ByteBuffer(bytes: $0.key.hash) })
        binds.add(queries.map(\.source))
        binds.add(queries.map(\.entryID))
        let rows = try session.withConnection { link throws(StoreError) in
            try link.query("""
                SELECT u.n, s.source, s.lastSeen,
                       s.source IS NOT NULL AND s.source <> u.source AND EXISTS (
                           SELECT 1 FROM carriers c WHERE c.scope = u.scope AND c.hash = u.hash AND c.source = u.source),
                       e.hash
                FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[])
                     WITH ORDINALITY AS u(scope, hash, source, entryID, n)
                LEFT JOIN seen s ON s.scope = u.scope AND s.hash = u.hash
                LEFT JOIN entries e ON e.source = u.source AND e.entryID = u.entryID
                """, binds.bindings)
        }
        var lookups = Array(repeating: SeenLookup(owner: nil, lastSeen: nil, isCarrier: false, identityHash: nil),
                            count: queries.count)
        for row in rows {
            let (n, owner, lastSeen, isCarrier, identity) = try row.decodedColumns(
                (Int64, String?, Int64?, Bool, Data?).self, database: location)
            guard n >= 1, n <= Int64(queries.count) else { continue }
            lookups[Int(n) - 1] = SeenLookup(owner: owner, lastSeen: lastSeen, isCarrier: isCarrier, identityHash: identity)
        }
        return lookups
    }

    /// Whether some article was recorded with this spool file name.
    public func isSpoolFileRecorded(_ fileName: String) throws(StoreError) -> Bool {
        var binds = Binds()
        binds.add(fileName)
        let rows = try session.withConnection { link throws(StoreError) in
            try link.query("SELECT EXISTS (SELECT 1 FROM seen WHERE spoolFile = $1)", binds.bindings)
        }
        guard let row = rows.first else { return false }
        return try row.decodedColumn(Bool.self, database: location)
    }

    /// Records, in ONE transaction, what StateStore.record records: the spooled files' hashes
    /// (false: another writer, perhaps another node, recorded the key first; its source becomes
    /// a carrier), the entry identities, the new articles in the digest queue, the sightings,
    /// the dropped near-duplicates and the near-duplicate index.
    ///
    /// Round trips: BEGIN, the `seen` insert, the carriers (when any), the touches (when any),
    /// the dropped near-duplicates (when any), the identities, one per queued article, the
    /// near-duplicate index (when any), COMMIT.
    public func record(_ records: [SpoolRecord], sightings: [Sighting], dropped: [DroppedNearDuplicate] = [],
                       nearDuplicates: NearDuplicateStorage = NearDuplicateStorage(), at time: Date) throws(StoreError) -> [Bool] {
        let now = Int64(time.timeIntervalSince1970.rounded(.down))
        let records = records.map { record in
            var record = record
            record.query = record.query.storable
            return record
        }
        let sightings = sightings.filter(\.needsWrite).map { sighting in
            var sighting = sighting
            sighting.query = sighting.query.storable
            return sighting
        }
        let dropped = dropped.map { DroppedNearDuplicate(query: $0.query.storable, story: $0.story) }
        guard !records.isEmpty || !sightings.isEmpty || !dropped.isEmpty else { return [] }
        return try session.transaction { link throws(StoreError) in
            let recorded = try Self.insertSeen(records, at: now, link)
            let lost = zip(records, recorded).filter { !$0.1 }.map(\.0.query)
            try Self.addCarriers(lost + sightings.filter(\.addCarrier).map(\.query), at: now, link)
            try Self.touch(sightings.filter(\.touch).map(\.query.key), at: now, link)
            let droppedRecorded = try Self.recordDropped(dropped, at: now, link)
            // In StateStore.record's order, the last write of an identity wins.
            let identities = records.map(\.query) + sightings.filter(\.updateIdentity).map(\.query)
                + zip(dropped, droppedRecorded).filter(\.1).map(\.0.query)
            try Self.setIdentities(identities, link)
            for (record, inserted) in zip(records, recorded) where inserted {
                if let item = record.queueItem { try Self.enqueue(item, record: record, at: now, link) }
            }
            let indexed = zip(records, recorded).compactMap { record, inserted in inserted ? record.nearDuplicateItem : nil }
            try Self.indexNearDuplicates(indexed, storage: nearDuplicates, at: now, link)
            return recorded
        }
    }

    /// Forgets the articles not seen in any feed since `date` (their carriers and aliases go by
    /// cascade), and the entry identities that pointed at them; returns how many were forgotten.
    public func pruneSeen(before date: Date) throws(StoreError) -> Int {
        var binds = Binds()
        binds.add(Int64(date.timeIntervalSince1970.rounded(.down)))
        return try session.transaction { link throws(StoreError) in
            let pruned = try link.execute("DELETE FROM seen WHERE lastSeen < $1", binds.bindings)
            if pruned > 0 {
                try link.execute("""
                    DELETE FROM entries WHERE NOT EXISTS (
                        SELECT 1 FROM seen WHERE seen.scope IN ('', entries.source) AND seen.hash = entries.hash)
                    """)
            }
            return pruned
        }
    }

    /// The sources that also carried an article, besides the one that spooled it, in the byte
    /// order of their names (as SQLite sorts them, whatever the database's collation).
    public func carriers(ofHash contentHash: String, scope: String = "") throws(StoreError) -> [String] {
        guard let hash = ContentHash.digestBytes(contentHash) else { return [] }
        var binds = Binds()
        binds.add(Self.storable(scope))
        binds.add(hash)
        let rows = try session.withConnection { link throws(StoreError) in
            try link.query("SELECT source FROM carriers WHERE scope = $1 AND hash = $2 ORDER BY source COLLATE \"C\"",
                           binds.bindings)
        }
        var sources: [String] = []
        for row in rows { sources.append(try row.decodedColumn(String.self, database: location)) }
        return sources
    }

    /// Inserts the records' seen rows in key order (equal keys in the caller's order), so that
    /// two nodes recording overlapping batches lock the keys in one order and never deadlock;
    /// returns, in the caller's order, which were inserted.
    private static func insertSeen(_ records: [SpoolRecord], at now: Int64, _ link: PostgresLink) throws(StoreError) -> [Bool] {
        guard !records.isEmpty else { return [] }
        let order = records.indices.sorted { Self.keyPrecedes(records[$0].query.key, $0, records[$1].query.key, $1) }
        var binds = Binds()
        binds.add(order.map { records[$0].query.key.scope })
        binds.bindings.append(order.map { ByteBuffer(bytes: records[$0].query.key.hash) })
        binds.add(order.map { records[$0].query.source })
        binds.add(order.map { records[$0].query.entryID })
        binds.add(order.map { records[$0].fileName })
        binds.add(now)
        let rows = try link.query("""
            INSERT INTO seen (scope, hash, firstSeen, lastSeen, source, entryID, spoolFile)
            SELECT scope, hash, $6, $6, source, entryID, spoolFile
            FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::text[])
                 WITH ORDINALITY AS u(scope, hash, source, entryID, spoolFile, n)
            ORDER BY n
            ON CONFLICT (scope, hash) DO NOTHING
            RETURNING scope, hash, spoolFile
            """, binds.bindings)
        var inserted = Set<RecordedFile>()
        for row in rows {
            let (scope, hash, file) = try row.decodedColumns((String, Data, String).self, database: link.session.url.display)
            inserted.insert(RecordedFile(key: SeenKey(scope: scope, hash: hash), fileName: file))
        }
        var recorded = Array(repeating: false, count: records.count)
        for index in order {
            // Two records of one key and one file name: the first in order is the one recorded.
            recorded[index] = inserted.remove(RecordedFile(key: records[index].query.key, fileName: records[index].fileName)) != nil
        }
        return recorded
    }

    /// Notes each query's source as a carrier of its key, unless that source spooled it (or the
    /// article is forgotten meanwhile).
    private static func addCarriers(_ queries: [SeenQuery], at now: Int64, _ link: PostgresLink) throws(StoreError) {
        guard !queries.isEmpty else { return }
        let sorted = queries.enumerated().sorted { keyPrecedes($0.element.key, $0.offset, $1.element.key, $1.offset) }.map(\.element)
        var binds = Binds()
        binds.add(sorted.map(\.key.scope))
        binds.bindings.append(sorted.map { ByteBuffer(bytes: $0.key.hash) })
        binds.add(sorted.map(\.source))
        binds.add(now)
        try link.execute("""
            INSERT INTO carriers (scope, hash, source, firstSeen)
            SELECT u.scope, u.hash, u.source, $4
            FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS u(scope, hash, source, n)
            WHERE EXISTS (SELECT 1 FROM seen s WHERE s.scope = u.scope AND s.hash = u.hash AND s.source <> u.source)
            ORDER BY n
            ON CONFLICT DO NOTHING
            """, binds.bindings)
    }

    /// Refreshes `lastSeen` of the keys, so that an article still in a feed is not forgotten.
    private static func touch(_ keys: [SeenKey], at now: Int64, _ link: PostgresLink) throws(StoreError) {
        guard !keys.isEmpty else { return }
        var binds = Binds()
        binds.add(keys.map(\.scope))
        binds.bindings.append(keys.map { ByteBuffer(bytes: $0.hash) })
        binds.add(now)
        try link.execute("""
            UPDATE seen s SET lastSeen = $3 FROM unnest($1::text[], $2::bytea[]) AS u(scope, hash)
            WHERE s.scope = u.scope AND s.hash = u.hash AND s.lastSeen < $3
            """, binds.bindings)
    }

    /// Points each entry identity at its query's hash; of several writes of one identity the
    /// last wins. An identity already pointing there is left alone (no dead row version).
    private static func setIdentities(_ queries: [SeenQuery], _ link: PostgresLink) throws(StoreError) {
        guard !queries.isEmpty else { return }
        var latest: [EntryIdentity: Data] = [:]
        for query in queries { latest[EntryIdentity(source: query.source, entryID: query.entryID)] = query.key.hash }
        let sorted = latest.sorted { ($0.key.source, $0.key.entryID) < ($1.key.source, $1.key.entryID) }
        var binds = Binds()
        binds.add(sorted.map(\.key.source))
        binds.add(sorted.map(\.key.entryID))
        binds.bindings.append(sorted.map { ByteBuffer(bytes: $0.value) })
        try link.execute("""
            INSERT INTO entries (source, entryID, hash)
            SELECT source, entryID, hash FROM unnest($1::text[], $2::text[], $3::bytea[])
                 WITH ORDINALITY AS u(source, entryID, hash, n)
            ORDER BY n
            ON CONFLICT (source, entryID) DO UPDATE SET hash = excluded.hash
            WHERE entries.hash IS DISTINCT FROM excluded.hash
            """, binds.bindings)
    }

    /// Key order (scope, then hash bytes as PostgreSQL compares bytea), then position.
    static func keyPrecedes(_ a: SeenKey, _ aPosition: Int, _ b: SeenKey, _ bPosition: Int) -> Bool {
        if a.scope != b.scope { return a.scope < b.scope }
        if a.hash != b.hash { return a.hash.lexicographicallyPrecedes(b.hash) }
        return aPosition < bPosition
    }
}

/// A seen row inserted by `record`, as RETURNING names it.
private struct RecordedFile: Hashable {
    var key: SeenKey
    var fileName: String
}

/// An `entries` row's key.
private struct EntryIdentity: Hashable {
    var source: String
    var entryID: String
}

extension SeenQuery {
    /// As PostgreSQL text can hold it: a hostile feed's entry id may hold NUL, which TEXT refuses
    /// (`PostgresStateStore.storable`); every statement binds this form, so lookups match.
    var storable: SeenQuery {
        SeenQuery(key: SeenKey(scope: PostgresStateStore.storable(key.scope), hash: key.hash),
                  source: PostgresStateStore.storable(source), entryID: PostgresStateStore.storable(entryID))
    }
}
