import Foundation
import GRDB

extension StateStore {
    /// The seen row and the entry identity of every query, in one read transaction.
    public func lookUp(_ queries: [SeenQuery]) throws(StoreError) -> [SeenLookup] {
        try read { db in
            let seen = try db.cachedStatement(sql: "SELECT source, lastSeen FROM seen WHERE scope = ? AND hash = ?")
            let identity = try db.cachedStatement(sql: "SELECT hash FROM entries WHERE source = ? AND entryID = ?")
            let carrier = try db.cachedStatement(sql: "SELECT 1 FROM carriers WHERE scope = ? AND hash = ? AND source = ?")
            return try queries.map { query in
                let row = try Row.fetchOne(seen, arguments: [query.key.scope, query.key.hash])
                let owner: String? = row?["source"]
                let isCarrier = try owner != nil && owner != query.source
                    && Bool.fetchOne(carrier, arguments: [query.key.scope, query.key.hash, query.source]) != nil
                let hash = try Data.fetchOne(identity, arguments: [query.source, query.entryID])
                return SeenLookup(owner: owner, lastSeen: row?["lastSeen"], isCarrier: isCarrier, identityHash: hash)
            }
        }
    }

    /// Whether some article was recorded with this spool file name.
    public func isSpoolFileRecorded(_ fileName: String) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM seen WHERE spoolFile = ?)", arguments: [fileName]) ?? false
        }
    }

    /// Records, in ONE transaction, the spooled files' hashes with their entry identities, the
    /// new articles in the digest queue, and what the sightings need. Returns, per record,
    /// whether it was recorded: false means that another writer recorded the same key first
    /// (its file is a duplicate, not queued; a carrier is noted). The near-duplicate index takes
    /// the recorded articles that carry an item, and the dropped near-duplicates are recorded.
    public func record(_ records: [SpoolRecord], sightings: [Sighting], dropped: [DroppedNearDuplicate] = [],
                nearDuplicates: NearDuplicateStorage = NearDuplicateStorage(), at time: Date) throws(StoreError) -> [Bool] {
        let now = Int64(time.timeIntervalSince1970.rounded(.down))
        return try write { db in
            var indexed: [NearDuplicateIndexItem] = []
            let insertSeen = try db.cachedStatement(sql: """
                INSERT INTO seen (scope, hash, firstSeen, lastSeen, source, entryID, spoolFile)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, hash) DO NOTHING
                """)
            var recorded: [Bool] = []
            recorded.reserveCapacity(records.count)
            for record in records {
                let q = record.query
                try insertSeen.execute(arguments: [q.key.scope, q.key.hash, now, now, q.source, q.entryID, record.fileName])
                let inserted = db.changesCount > 0
                if !inserted { try Self.addCarrier(q, at: now, db) }
                if inserted, let item = record.queueItem {
                    try Self.enqueue(item, record: record, at: now, db)
                }
                if inserted, let item = record.nearDuplicateItem { indexed.append(item) }
                try Self.setIdentity(q, db)
                recorded.append(inserted)
            }
            for sighting in sightings {
                let q = sighting.query
                if sighting.addCarrier { try Self.addCarrier(q, at: now, db) }
                if sighting.touch {
                    try db.cachedStatement(sql: "UPDATE seen SET lastSeen = ? WHERE scope = ? AND hash = ? AND lastSeen < ?")
                        .execute(arguments: [now, q.key.scope, q.key.hash, now])
                }
                if sighting.updateIdentity { try Self.setIdentity(q, db) }
            }
            for item in dropped where try Self.recordDropped(item, at: now, db) { try Self.setIdentity(item.query, db) }
            if !indexed.isEmpty { try indexNearDuplicates(indexed, storage: nearDuplicates, at: now, db) }
            return recorded
        }
    }

    /// Forgets the articles not seen in any feed since `date` (with their carriers), and the
    /// entry identities that pointed at them; returns how many articles were forgotten.
    public func pruneSeen(before date: Date) throws(StoreError) -> Int {
        let cutoff = Int64(date.timeIntervalSince1970.rounded(.down))
        return try write { db in
            try db.execute(sql: "DELETE FROM seen WHERE lastSeen < ?", arguments: [cutoff])
            let pruned = db.changesCount
            if pruned > 0 {
                try db.execute(sql: """
                    DELETE FROM entries WHERE NOT EXISTS (
                        SELECT 1 FROM seen WHERE seen.scope IN ('', entries.source) AND seen.hash = entries.hash)
                    """)
            }
            return pruned
        }
    }

    /// The sources that also carried an article, besides the one that spooled it.
    public func carriers(ofHash contentHash: String, scope: String = "") throws(StoreError) -> [String] {
        guard let hash = ContentHash.digestBytes(contentHash) else { return [] }
        return try read { db in
            try String.fetchAll(db, sql: "SELECT source FROM carriers WHERE scope = ? AND hash = ? ORDER BY source",
                                arguments: [scope, hash])
        }
    }

    private static func addCarrier(_ q: SeenQuery, at now: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO carriers (scope, hash, source, firstSeen)
            SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM seen WHERE scope = ?1 AND hash = ?2 AND source = ?3)
            """).execute(arguments: [q.key.scope, q.key.hash, q.source, now])
    }

    private static func setIdentity(_ q: SeenQuery, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO entries (source, entryID, hash) VALUES (?, ?, ?)
            ON CONFLICT (source, entryID) DO UPDATE SET hash = excluded.hash
            """).execute(arguments: [q.source, q.entryID, q.key.hash])
    }
}
