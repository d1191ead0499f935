import Foundation
import GRDB

/// The near-duplicate index, persisted: the articles of the last 72 hours (global dedup scope)
/// with their shingles, and their LSH band keys in a table of their own, so that a lookup reads
/// the few rows it needs and the daemon's memory does not grow with the number of articles.
///
/// An article enters `near_articles` in the transaction that records it as seen (`record`), so
/// a crash cannot leave one without the other; its band keys go first to the level in memory
/// (`NearDuplicateBuffer`), and into `near_bands` with the next merge. A lookup asks the level
/// in memory, then `near_bands` in one statement: from each band's bucket (at most
/// `persistedBucketLimit` articles, the newest) the `candidateLimit` articles sharing the most
/// bands, with their shingles; all are checked exactly by `NearDuplicateSettings.matches`.
/// Articles older than the window leave in the recording transactions, a few at a time.
extension StateStore {
    /// The number of shared bands follows the similarity (a pair at Jaccard s shares about
    /// bands·s² of them), so the articles sharing the most are the best candidates. The cap
    /// matters where texts are alike by template (every bucket full): there, without it, each
    /// lookup would read and compare hundreds of articles.
    static let nearDuplicateCandidateLimit = 16
    /// A bucket (of either level) gives its newest articles only: more within the window
    /// come from a template, not from one story, and when one story is told more often than
    /// this, its newest tellings lead to the same first article as the older ones (a marked
    /// article is indexed under the story it was marked as).
    static let persistedBucketLimit = 8

    static let nearDuplicateSchema = """
        -- One row per indexed article. story is the 32-byte content hash of the story's first
        -- article: the article's own hash, or the one it was marked as the same story as, so
        -- that a third rewrite names the first article too. time is when it was fetched (Unix
        -- seconds). shingles and bands are arrays of 32-bit unsigned integers, little-endian:
        -- the sorted shingle hashes, and the band keys.
        CREATE TABLE near_articles (
            id INTEGER PRIMARY KEY,
            story BLOB NOT NULL,
            time INTEGER NOT NULL,
            shingles BLOB NOT NULL,
            bands BLOB NOT NULL
        );
        CREATE INDEX near_articles_time ON near_articles (time);
        -- The LSH buckets: one row per article and band, for the articles up to the watermark
        -- (those above it are in memory until the next merge). WITHOUT ROWID: a bucket is one
        -- range of the primary key, its newest articles last.
        CREATE TABLE near_bands (
            key INTEGER NOT NULL,
            article INTEGER NOT NULL,
            PRIMARY KEY (key, article)
        ) WITHOUT ROWID;
        -- The highest near_articles.id whose bands are in near_bands.
        CREATE TABLE near_watermark (
            single INTEGER PRIMARY KEY CHECK (single = 0),
            merged INTEGER NOT NULL
        );
        INSERT INTO near_watermark (single, merged) VALUES (0, 0);
        -- The story a queued article was marked as (32 bytes), for the digest to merge them.
        ALTER TABLE digest_queue ADD COLUMN sameStoryAs BLOB;
        """

    /// For each lookup, the story (its first article's content hash, "sha256:…") of the most
    /// similar indexed article within the window, or nil.
    public func nearDuplicateStories(_ lookups: [NearDuplicateLookup],
                              settings: NearDuplicateSettings) throws(StoreError) -> [String?] {
        // The level in memory first: an article merged meanwhile is then in the snapshot read
        // after, so none is missed.
        let recent = try withNearDuplicateBuffer(settings: settings) { buffer in
            lookups.map { buffer.index.matches($0.fingerprint, time: Date(timeIntervalSince1970: TimeInterval($0.time))) }
        }
        return try read { db in
            // The buckets are random pages of a large table: kept in this reader's page cache,
            // they would only fill it (2 MiB per connection) with pages unlikely to be read again.
            defer { try? db.execute(sql: "PRAGMA shrink_memory") }
            let statement = try db.cachedStatement(sql: Self.candidatesSQL(bands: settings.bands))
            return try lookups.enumerated().map { position, lookup -> String? in
                guard lookup.fingerprint.isIndexable, lookup.fingerprint.bandKeys.count == settings.bands else { return nil }
                var arguments = StatementArguments(lookup.fingerprint.bandKeys.map { Int64($0) })
                arguments += [lookup.time - settings.window, lookup.time + settings.window]
                var candidates: [NearDuplicateCandidate] = []
                let rows = try Row.fetchCursor(statement, arguments: arguments)
                while let row = try rows.next() {
                    candidates.append(NearDuplicateCandidate(id: ContentHash.string(digestBytes: row[1]), time: row[0],
                                                             shingles: ShingleSet(hashes: Self.uint32s(row[2]))))
                }
                let persisted = settings.matches(lookup.fingerprint.shingles, at: lookup.time, among: candidates)
                return (recent[position] + persisted).min(by: NearDuplicateMatch.precedes)?.id
            }
        }
    }

    /// How many articles the near-duplicate index holds (the window's, and older ones not yet
    /// pruned).
    public func nearDuplicateIndexCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM near_articles") ?? 0 }
    }

    /// Inside `record`'s transaction: adds the articles to `near_articles` (and to the level
    /// in memory once committed), merges that level into `near_bands` when it is full, and
    /// prunes articles older than the window, at most a few more than it adds.
    func indexNearDuplicates(_ items: [NearDuplicateIndexItem], storage: NearDuplicateStorage,
                             at now: Int64, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO near_articles (story, time, shingles, bands) VALUES (?, ?, ?, ?)")
        for item in items {
            try insert.execute(arguments: [item.story, item.time, Self.blob(item.fingerprint.shingles.hashes),
                                           Self.blob(item.fingerprint.bandKeys)])
        }
        let (watermark, unmerged) = try withNearDuplicateBuffer(settings: storage.settings, db) { ($0.watermark, $0.unmerged) }
        try Self.pruneNearDuplicates(before: now - storage.settings.window, watermark: watermark,
                                     limit: 2 * items.count + 8, db)
        let merged = unmerged + items.count >= storage.mergeSize ? try Self.mergeNearDuplicates(above: watermark, db) : nil
        let buffer = nearDuplicateBuffer
        db.afterNextTransaction { _ in
            buffer.withLock { buffer in
                guard buffer != nil else { return }
                if let merged {
                    buffer = NearDuplicateBuffer(settings: storage.settings, watermark: merged)
                } else {
                    for item in items {
                        buffer?.insert(story: ContentHash.string(digestBytes: item.story), item.fingerprint, time: item.time)
                    }
                }
            }
        }
    }

    /// The level in memory, loaded from the state the first time (inside a write, so that no
    /// commit falls between the load and the first insert).
    private func withNearDuplicateBuffer<T>(settings: NearDuplicateSettings,
                                            _ body: (inout NearDuplicateBuffer) -> T) throws(StoreError) -> T {
        if let result = nearDuplicateBuffer.withLock({ buffer in buffer == nil ? nil : body(&buffer!) }) { return result }
        return try write { db in try withNearDuplicateBuffer(settings: settings, db, body) }
    }

    private func withNearDuplicateBuffer<T>(settings: NearDuplicateSettings, _ db: Database,
                                            _ body: (inout NearDuplicateBuffer) -> T) throws -> T {
        if let result = nearDuplicateBuffer.withLock({ buffer in buffer == nil ? nil : body(&buffer!) }) { return result }
        let watermark = try Int64.fetchOne(db, sql: "SELECT merged FROM near_watermark") ?? 0
        var loaded = NearDuplicateBuffer(settings: settings, watermark: watermark)
        let rows = try Row.fetchCursor(db, sql: "SELECT story, time, shingles, bands FROM near_articles WHERE id > ? ORDER BY id",
                                       arguments: [watermark])
        while let row = try rows.next() {
            let fingerprint = NearDuplicateFingerprint(shingles: ShingleSet(hashes: Self.uint32s(row[2])), bandKeys: Self.uint32s(row[3]))
            guard fingerprint.bandKeys.count == settings.bands else { continue }
            loaded.insert(story: ContentHash.string(digestBytes: row[0]), fingerprint, time: row[1])
        }
        return nearDuplicateBuffer.withLock { buffer in
            if buffer == nil { buffer = loaded }
            return body(&buffer!)
        }
    }

    /// Inserts the band rows of every article above `watermark` into `near_bands`, in key
    /// order, and moves the watermark; returns the new watermark.
    private static func mergeNearDuplicates(above watermark: Int64, _ db: Database) throws -> Int64 {
        var rows: [(key: UInt32, article: Int64)] = []
        var highest = watermark
        let articles = try Row.fetchCursor(db, sql: "SELECT id, bands FROM near_articles WHERE id > ?", arguments: [watermark])
        while let row = try articles.next() {
            let id: Int64 = row[0]
            highest = max(highest, id)
            for key in uint32s(row[1]) { rows.append((key, id)) }
        }
        rows.sort { ($0.key, $0.article) < ($1.key, $1.article) }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO near_bands (key, article) VALUES (?, ?)")
        for row in rows { try insert.execute(arguments: [Int64(row.key), row.article]) }
        try db.execute(sql: "UPDATE near_watermark SET merged = ?", arguments: [highest])
        return highest
    }

    /// Deletes up to `limit` indexed articles older than `cutoff` (Unix seconds), oldest first,
    /// with their bucket rows (only merged articles have any).
    private static func pruneNearDuplicates(before cutoff: Int64, watermark: Int64, limit: Int, _ db: Database) throws {
        let old = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, bands FROM near_articles WHERE time < ? ORDER BY time LIMIT ?
            """), arguments: [cutoff, limit])
        let band = try db.cachedStatement(sql: "DELETE FROM near_bands WHERE key = ? AND article = ?")
        let article = try db.cachedStatement(sql: "DELETE FROM near_articles WHERE id = ?")
        for row in old {
            let id: Int64 = row[0]
            if id <= watermark {
                for key in uint32s(row[1]) { try band.execute(arguments: [Int64(key), id]) }
            }
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
                                     UnspooledFile.name("dropped", String(ContentHash.string(digestBytes: q.key.hash).dropFirst(7)))])
        guard db.changesCount > 0 else { return false }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO carriers (scope, hash, source, firstSeen)
            SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM seen WHERE scope = ?1 AND hash = ?2 AND source != ?3)
            """).execute(arguments: [q.key.scope, dropped.story, q.source, now])
        return true
    }

    /// The candidates of one lookup in `near_bands`: from every band's bucket (the key ?1 …
    /// ?bands) its newest `persistedBucketLimit` articles; of these the `candidateLimit`
    /// sharing the most bands (the earlier first among equals), within the window (?bands+1 …
    /// ?bands+2).
    private static func candidatesSQL(bands: Int) -> String {
        let buckets = (1...bands).map {
            "SELECT article FROM (SELECT article FROM near_bands WHERE key = ?\($0) ORDER BY article DESC LIMIT \(persistedBucketLimit))"
        }.joined(separator: " UNION ALL ")
        return """
            SELECT a.time, a.story, a.shingles
            FROM (SELECT article, COUNT(*) AS shared FROM (\(buckets)) GROUP BY article) AS c
            JOIN near_articles AS a ON a.id = c.article
            WHERE a.time BETWEEN ?\(bands + 1) AND ?\(bands + 2)
            ORDER BY c.shared DESC, c.article
            LIMIT \(nearDuplicateCandidateLimit)
            """
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
public struct NearDuplicateLookup: Sendable {
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

/// How the index is kept: its settings, and how many articles the level in memory holds
/// before they are merged into `near_bands` (1,024: about 1.5 MiB).
public struct NearDuplicateStorage: Sendable {
    public var settings: NearDuplicateSettings
    public var mergeSize: Int

    public init(settings: NearDuplicateSettings = .standard, mergeSize: Int = 1_024) {
        self.settings = settings
        self.mergeSize = max(1, mergeSize)
    }
}

/// A new article that tells an earlier article's story, not spooled (near_duplicates = "drop").
public struct DroppedNearDuplicate: Sendable {
    var query: SeenQuery
    /// The story's first article (32 bytes).
    var story: Data
}
