import Foundation
import GRDB

/// The near-duplicate index, persisted: the articles of the last 72 hours (global dedup scope)
/// with their shingles, and their LSH band keys in a table of their own, so that a lookup reads
/// the few rows it needs and the daemon's memory does not grow with the number of articles.
///
/// An article enters the index in the transaction that records it as seen (`record`), so a
/// crash cannot leave one without the other; a lookup is one read of `bands` buckets (at most
/// `bucketLimit` articles each, the newest) and the candidates' shingles, checked exactly by
/// `NearDuplicateSettings.matches`. Articles older than the window leave in the same
/// transactions, a bounded number at a time.
extension StateStore {
    static let nearDuplicateSchema = """
        -- One row per indexed article. story is the 32-byte content hash of the story's first
        -- article: the article's own hash, or the one it was marked as the same story as, so
        -- that a third rewrite names the first article too. time is Unix seconds (published,
        -- never later than fetched). shingles and bands are arrays of 32-bit unsigned integers,
        -- little-endian: the sorted shingle hashes, and the band keys (to delete its rows).
        CREATE TABLE near_articles (
            id INTEGER PRIMARY KEY,
            story BLOB NOT NULL,
            time INTEGER NOT NULL,
            shingles BLOB NOT NULL,
            bands BLOB NOT NULL
        );
        CREATE INDEX near_articles_time ON near_articles (time);
        -- The LSH buckets: one row per article and band. WITHOUT ROWID: a bucket is one range
        -- of the primary key, its newest articles last.
        CREATE TABLE near_bands (
            key INTEGER NOT NULL,
            article INTEGER NOT NULL,
            PRIMARY KEY (key, article)
        ) WITHOUT ROWID;
        -- The story a queued article was marked as (32 bytes), for the digest to merge them.
        ALTER TABLE digest_queue ADD COLUMN sameStoryAs BLOB;
        """

    /// For each lookup, the story (its first article's content hash, "sha256:…") of the most
    /// similar indexed article within the window, or nil; one read transaction.
    func nearDuplicateStories(_ lookups: [NearDuplicateLookup],
                              settings: NearDuplicateSettings) throws(StoreError) -> [String?] {
        try read { db in
            let buckets = try db.cachedStatement(sql: Self.bucketsSQL(bands: settings.bands, limit: settings.bucketLimit))
            let article = try db.cachedStatement(sql: "SELECT time, story, shingles FROM near_articles WHERE id = ?")
            return try lookups.map { lookup -> String? in
                guard lookup.fingerprint.isIndexable else { return nil }
                let keys = lookup.fingerprint.bandKeys.map { Int64($0) }
                let serials = Set(try Int64.fetchAll(buckets, arguments: StatementArguments(keys)))
                var candidates: [NearDuplicateCandidate] = []
                for serial in serials.sorted() {
                    guard let row = try Row.fetchOne(article, arguments: [serial]) else { continue }
                    candidates.append(NearDuplicateCandidate(
                        id: ContentHash.string(digestBytes: row[1]), time: row[0], shingles: ShingleSet(hashes: Self.uint32s(row[2]))))
                }
                return settings.matches(lookup.fingerprint.shingles, at: lookup.time, among: candidates).first?.id
            }
        }
    }

    /// How many articles the near-duplicate index holds (the window's, and older ones not yet
    /// pruned).
    public func nearDuplicateIndexCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM near_articles") ?? 0 }
    }

    /// Adds an article to the index; inside `record`'s transaction.
    static func indexNearDuplicate(_ item: NearDuplicateIndexItem, _ db: Database) throws {
        guard item.fingerprint.isIndexable else { return }
        try db.cachedStatement(sql: "INSERT INTO near_articles (story, time, shingles, bands) VALUES (?, ?, ?, ?)")
            .execute(arguments: [item.story, item.time, Self.blob(item.fingerprint.shingles.hashes),
                                 Self.blob(item.fingerprint.bandKeys)])
        let article = db.lastInsertedRowID
        let band = try db.cachedStatement(sql: "INSERT OR IGNORE INTO near_bands (key, article) VALUES (?, ?)")
        for key in item.fingerprint.bandKeys { try band.execute(arguments: [Int64(key), article]) }
    }

    /// Deletes up to `limit` indexed articles older than `cutoff` (Unix seconds), oldest first,
    /// with their bucket rows; inside `record`'s transaction, so the index never grows by more
    /// than the articles of the window, and no transaction pays for more than a few deletions.
    static func pruneNearDuplicates(before cutoff: Int64, limit: Int, _ db: Database) throws {
        let old = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, bands FROM near_articles WHERE time < ? ORDER BY time LIMIT ?
            """), arguments: [cutoff, limit])
        let band = try db.cachedStatement(sql: "DELETE FROM near_bands WHERE key = ? AND article = ?")
        let article = try db.cachedStatement(sql: "DELETE FROM near_articles WHERE id = ?")
        for row in old {
            let id: Int64 = row[0]
            for key in uint32s(row[1]) { try band.execute(arguments: [Int64(key), id]) }
            try article.execute(arguments: [id])
        }
    }

    /// Records a new article that was not spooled (near_duplicates = "drop"): seen, so that it
    /// never comes again, under a spool file name no file can have ("dropped/" and its hash),
    /// and its source as a carrier of the story's first article when that is still recorded.
    /// Returns false when another writer recorded the same article first.
    static func recordDropped(_ dropped: DroppedNearDuplicate, at now: Int64, _ db: Database) throws -> Bool {
        let q = dropped.query
        try db.cachedStatement(sql: """
            INSERT INTO seen (scope, hash, firstSeen, lastSeen, source, entryID, spoolFile)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, hash) DO NOTHING
            """).execute(arguments: [q.key.scope, q.key.hash, now, now, q.source, q.entryID,
                                     "dropped/" + ContentHash.string(digestBytes: q.key.hash).dropFirst(7)])
        guard db.changesCount > 0 else { return false }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO carriers (scope, hash, source, firstSeen)
            SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM seen WHERE scope = ?1 AND hash = ?2 AND source != ?3)
            """).execute(arguments: [q.key.scope, dropped.story, q.source, now])
        return true
    }

    /// One statement for every band's bucket: each the newest `limit` articles with that key.
    private static func bucketsSQL(bands: Int, limit: Int) -> String {
        (1...bands).map {
            "SELECT article FROM (SELECT article FROM near_bands WHERE key = ?\($0) ORDER BY article DESC LIMIT \(limit))"
        }.joined(separator: " UNION ALL ")
    }

    static func blob(_ values: [UInt32]) -> Data {
        var data = Data(count: values.count * 4)
        data.withUnsafeMutableBytes { bytes in
            for (index, value) in values.enumerated() {
                bytes.storeBytes(of: value.littleEndian, toByteOffset: index * 4, as: UInt32.self)
            }
        }
        return data
    }

    /// A blob of `blob(_:)`; trailing bytes short of a whole value are ignored.
    static func uint32s(_ data: Data) -> [UInt32] {
        data.withUnsafeBytes { bytes in
            (0..<bytes.count / 4).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }
}

/// A new article's fingerprint and time, to look up the earlier articles of its story.
struct NearDuplicateLookup: Sendable {
    var fingerprint: NearDuplicateFingerprint
    /// Unix seconds.
    var time: Int64
}

/// An article to index once it is recorded: its story (32 bytes), time and fingerprint.
struct NearDuplicateIndexItem: Sendable {
    var story: Data
    var time: Int64
    var fingerprint: NearDuplicateFingerprint
}

/// A new article that tells an earlier article's story, not spooled (near_duplicates = "drop").
struct DroppedNearDuplicate: Sendable {
    var query: SeenQuery
    /// The story's first article (32 bytes).
    var story: Data
}
