import Foundation
import GRDB

/// The digest queue, each digest's state, and the delivery log.
///
/// Exactly once: an article enters the queue in the transaction that records it as seen, and a
/// digest's cursor moves past it only in the transaction that logs the message which showed it
/// (after the mail server accepted it). Until then every collect shows it again.
extension StateStore {
    public func digestState(named name: String) throws(StoreError) -> DigestState? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: DigestState.selectSQL + " WHERE name = ?"), arguments: [name])
                .map(DigestState.init(row:))
        }
    }

    /// Every stored digest state, by name.
    public func allDigestStates() throws(StoreError) -> [DigestState] {
        try read { db in
            try Row.fetchAll(db, sql: DigestState.selectSQL + " ORDER BY name").map(DigestState.init(row:))
        }
    }

    /// Inserts or replaces the state of `state.name`, except that the stored cursor never moves
    /// backwards: a state read before a delivery and saved after it cannot bring back the
    /// articles that delivery showed.
    public func saveDigestState(_ state: DigestState) throws(StoreError) {
        try write { db in
            try db.cachedStatement(sql: DigestState.saveSQL).execute(arguments: state.databaseValues)
        }
    }

    /// Logs a message the mail server accepted, and updates its digest's state, in ONE
    /// transaction: the log row, one row per article shown, and the state (cursor moved to the
    /// upper bound of `queueRange`, never backwards; `lastSlot` to `slot` when later (a message
    /// sent by hand, without a slot, keeps it); the delivery counted; failures cleared).
    public func recordDelivery(_ delivery: DigestDelivery) throws(StoreError) {
        let recipients = Self.jsonArray(delivery.recipients)
        try write { db in
            try db.execute(sql: """
                INSERT INTO digest_deliveries (digest, sentAt, messageID, recipients, slot, firstSeq, lastSeq)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [delivery.digest, delivery.sentAt.timeIntervalSince1970, delivery.messageID,
                                 recipients, delivery.slot?.timeIntervalSince1970,
                                 delivery.queueRange?.lowerBound, delivery.queueRange?.upperBound])
            let id = db.lastInsertedRowID
            let item = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO digest_delivered (delivery, seq, spoolFile)
                VALUES (?1, ?2, (SELECT spoolFile FROM digest_queue WHERE seq = ?2))
                """)
            for seq in delivery.shown { try item.execute(arguments: [id, seq]) }
            try db.execute(sql: """
                INSERT INTO digest_state (name, cursor, lastSlot, lastDeliveredAt, lastMessageID,
                                          lastArticleCount, deliveries, failures)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, 0)
                ON CONFLICT (name) DO UPDATE SET
                    cursor = MAX(cursor, excluded.cursor),
                    lastSlot = CASE WHEN lastSlot IS NULL OR excluded.lastSlot > lastSlot
                                    THEN excluded.lastSlot ELSE lastSlot END,
                    lastDeliveredAt = excluded.lastDeliveredAt, lastMessageID = excluded.lastMessageID,
                    lastArticleCount = excluded.lastArticleCount, deliveries = deliveries + 1,
                    failures = 0, failingSince = NULL, lastError = NULL, nextAttemptAt = NULL
                """, arguments: [delivery.digest, delivery.queueRange?.upperBound ?? 0,
                                 delivery.slot?.timeIntervalSince1970, delivery.sentAt.timeIntervalSince1970,
                                 delivery.messageID, delivery.shown.count])
        }
    }

    /// The queued articles after `cursor`, in seq order.
    public func queuedArticles(after cursor: Int64) throws(StoreError) -> [QueuedArticle] {
        try read { db in
            var articles: [QueuedArticle] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, spooledAt, source, spoolFile, hash, title, link, published, sameStoryAs
                FROM digest_queue WHERE seq > ? ORDER BY seq
                """, arguments: [cursor])
            while let row = try rows.next() {
                let published: Double? = row[7]
                let sameStoryAs: Data? = row[8]
                articles.append(QueuedArticle(
                    seq: row[0], spooledAt: Date(timeIntervalSince1970: TimeInterval(row[1] as Int64)),
                    source: row[2], spoolFile: row[3], contentHash: ContentHash.string(digestBytes: row[4]),
                    title: row[5], link: row[6], published: published.map(Date.init(timeIntervalSince1970:)),
                    sameStoryAs: sameStoryAs.map(ContentHash.string(digestBytes:))))
            }
            return articles
        }
    }

    /// The highest seq ever queued (pruned ones included); 0 for an empty queue.
    public func latestQueueSeq() throws(StoreError) -> Int64 {
        try read { db in try Self.latestQueueSeq(db) }
    }

    /// The cursor for a digest that starts now: the seq after which every queued article was
    /// spooled at or after `date`.
    public func lastQueueSeq(spooledBefore date: Date) throws(StoreError) -> Int64 {
        try read { db in
            if let seq = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM digest_queue WHERE spooledAt < ?",
                                            arguments: [date.timeIntervalSince1970]) {
                return seq
            }
            if let first = try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM digest_queue") { return first - 1 }
            return try Self.latestQueueSeq(db)
        }
    }

    /// Forgets the queued articles spooled before `date`, and the delivery log entries sent
    /// before it; returns how many queued articles went.
    public func pruneDigestQueue(before date: Date) throws(StoreError) -> Int {
        let cutoff = Int64(date.timeIntervalSince1970.rounded(.down))
        return try write { db in
            try db.execute(sql: "DELETE FROM digest_queue WHERE spooledAt < ?", arguments: [cutoff])
            let pruned = db.changesCount
            try db.execute(sql: "DELETE FROM digest_deliveries WHERE sentAt < ?", arguments: [date.timeIntervalSince1970])
            return pruned
        }
    }

    /// The latest `limit` deliveries of a digest, newest first.
    public func deliveries(ofDigest digest: String, limit: Int) throws(StoreError) -> [DigestDelivery] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, sentAt, messageID, recipients, slot, firstSeq, lastSeq FROM digest_deliveries
                WHERE digest = ? ORDER BY id DESC LIMIT ?
                """, arguments: [digest, max(0, limit)])
            let items = try db.cachedStatement(sql: "SELECT seq FROM digest_delivered WHERE delivery = ? ORDER BY seq")
            return try rows.map { row in
                let slot: Double? = row[4]
                let first: Int64? = row[5]
                let last: Int64? = row[6]
                return DigestDelivery(
                    digest: digest, sentAt: Date(timeIntervalSince1970: row[1]), messageID: row[2],
                    recipients: Self.stringArray(json: row[3]), slot: slot.map(Date.init(timeIntervalSince1970:)),
                    queueRange: first.flatMap { first in last.map { first...max(first, $0) } },
                    shown: try Int64.fetchAll(items, arguments: [row[0] as Int64]))
            }
        }
    }

    /// The other sources that carried each hash (global dedup scope), by hash.
    public func carriers(ofHashes hashes: [Data]) throws(StoreError) -> [Data: [String]] {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT source FROM carriers WHERE scope = '' AND hash = ? ORDER BY source")
            var result: [Data: [String]] = [:]
            for hash in Set(hashes) {
                let sources = try String.fetchAll(statement, arguments: [hash])
                if !sources.isEmpty { result[hash] = sources }
            }
            return result
        }
    }

    static func enqueue(_ item: QueueItem, record: SpoolRecord, at now: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO digest_queue (spooledAt, source, spoolFile, hash, title, link, published, sameStoryAs)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [now, record.query.source, record.fileName, record.query.key.hash,
                                     item.title, item.link, item.published?.timeIntervalSince1970, item.sameStoryAs])
    }

    private static func latestQueueSeq(_ db: Database) throws -> Int64 {
        let assigned = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'digest_queue'")
        let present = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM digest_queue")
        return max(assigned ?? 0, present ?? 0)
    }

    static func jsonArray(_ strings: [String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: strings) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func stringArray(json: String) -> [String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]) ?? []
    }
}
