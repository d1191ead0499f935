import Foundation
import NIOCore
import PostgresNIO

/// The digest queue, each digest's state, and the delivery log, as in SQLite
/// (StateStore+Digest): an article enters the queue in the transaction that records it as
/// seen, and a digest's cursor moves past it only in the transaction that logs the message
/// which showed it.
///
/// Seqs must increase in commit order, or a digest could read seq 11 (committed) before seq
/// 10 (still in flight on another node) and move its cursor past 10 for good. A BIGSERIAL
/// alone hands out seqs at insert time, so every insert into the queue first takes the
/// transaction-level advisory lock `digestQueueLockKey`, held until its commit: queue
/// inserts commit one transaction after another, in seq order.
extension PostgresStateStore {
    /// pg_advisory_xact_lock key of the digest queue ("visnyq" in ASCII).
    static let digestQueueLockKey: Int64 = 0x76_69_73_6E_79_71

    public func digestState(named name: String) throws(StoreError) -> DigestState? {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query(DigestState.postgresSelectSQL + " WHERE name = $1", Binds { $0.add(name) }.bindings)
            return try decodeRows(rows, as: DigestState.init(postgresRow:)).first
        }
    }

    /// Every stored digest state, by name.
    public func allDigestStates() throws(StoreError) -> [DigestState] {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query(DigestState.postgresSelectSQL + " ORDER BY name COLLATE \"C\"")
            return try decodeRows(rows, as: DigestState.init(postgresRow:))
        }
    }

    /// Inserts or replaces the state of `state.name`, except that the stored cursor never
    /// moves backwards.
    public func saveDigestState(_ state: DigestState) throws(StoreError) {
        try session.withConnection { link throws(StoreError) in
            _ = try link.execute(DigestState.postgresSaveSQL, state.postgresBindings)
        }
    }

    /// Logs a message the mail server accepted and updates its digest's state in ONE
    /// transaction, as ``StateStore/recordDelivery(_:)`` does.
    public func recordDelivery(_ delivery: DigestDelivery) throws(StoreError) {
        try session.transaction { link throws(StoreError) in
            var log = PostgresBindings()
            log.append(delivery.digest)
            log.append(delivery.sentAt.timeIntervalSince1970)
            log.append(delivery.messageID)
            log.append(StateStore.jsonArray(delivery.recipients))
            log.append(delivery.slot?.timeIntervalSince1970)
            log.append(delivery.queueRange?.lowerBound)
            log.append(delivery.queueRange?.upperBound)
            let inserted = try link.query("""
                INSERT INTO digest_deliveries (digest, sentAt, messageID, recipients, slot, firstSeq, lastSeq)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """, log)
            guard let id = try decodeRows(inserted, as: { row in try row.decode(Int64.self) }).first else {
                throw StoreError(kind: .other, path: location, detail: "the delivery log returned no id")
            }
            if !delivery.shown.isEmpty {
                var items = PostgresBindings()
                items.append(id)
                items.append(delivery.shown)
                try link.execute("""
                    INSERT INTO digest_delivered (delivery, seq, spoolFile)
                    SELECT $1, s.seq, (SELECT q.spoolFile FROM digest_queue q WHERE q.seq = s.seq)
                    FROM (SELECT DISTINCT unnest($2::bigint[]) AS seq) s
                    ON CONFLICT DO NOTHING
                    """, items)
            }
            var state = PostgresBindings()
            state.append(delivery.digest)
            state.append(delivery.queueRange?.upperBound ?? 0)
            state.append(delivery.slot?.timeIntervalSince1970)
            state.append(delivery.sentAt.timeIntervalSince1970)
            state.append(delivery.messageID)
            state.append(Int64(delivery.shown.count))
            try link.execute("""
                INSERT INTO digest_state (name, cursor, lastSlot, lastDeliveredAt, lastMessageID,
                                          lastArticleCount, deliveries, failures)
                VALUES ($1, $2, $3, $4, $5, $6, 1, 0)
                ON CONFLICT (name) DO UPDATE SET
                    cursor = greatest(digest_state.cursor, excluded.cursor),
                    lastSlot = CASE WHEN digest_state.lastSlot IS NULL OR excluded.lastSlot > digest_state.lastSlot
                                    THEN excluded.lastSlot ELSE digest_state.lastSlot END,
                    lastDeliveredAt = excluded.lastDeliveredAt, lastMessageID = excluded.lastMessageID,
                    lastArticleCount = excluded.lastArticleCount, deliveries = digest_state.deliveries + 1,
                    failures = 0, failingSince = NULL, lastError = NULL, nextAttemptAt = NULL
                """, state)
        }
    }

    /// The queued articles after `cursor`, in seq order.
    public func queuedArticles(after cursor: Int64) throws(StoreError) -> [QueuedArticle] {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query("""
                SELECT seq, spooledAt, source, spoolFile, hash, title, link, published, sameStoryAs
                FROM digest_queue WHERE seq > $1 ORDER BY seq
                """, Binds { $0.add(cursor) }.bindings)
            return try decodeRows(rows) { row in
                let (seq, spooledAt, source, spoolFile, hash, title, link, published, sameStoryAs) = try row.decode(
                    (Int64, Int64, String, String, Data, String?, String?, Double?, Data?).self)
                return QueuedArticle(
                    seq: seq, spooledAt: Date(timeIntervalSince1970: TimeInterval(spooledAt)), source: source,
                    spoolFile: spoolFile, contentHash: ContentHash.string(digestBytes: hash), title: title, link: link,
                    published: published.map(Date.init(timeIntervalSince1970:)),
                    sameStoryAs: sameStoryAs.map(ContentHash.string(digestBytes:)))
            }
        }
    }

    /// The highest seq ever handed out (pruned ones included); 0 for a queue never used.
    public func latestQueueSeq() throws(StoreError) -> Int64 {
        try queueBounds(spooledBefore: nil).latest
    }

    /// The cursor for a digest that starts now: the seq after which every queued article was
    /// spooled at or after `date`.
    public func lastQueueSeq(spooledBefore date: Date) throws(StoreError) -> Int64 {
        let bounds = try queueBounds(spooledBefore: date)
        if let before = bounds.before { return before }
        if let first = bounds.first { return first - 1 }
        return bounds.latest
    }

    /// Forgets the queued articles spooled before `date`, and the delivery log entries sent
    /// before it; returns how many queued articles went.
    public func pruneDigestQueue(before date: Date) throws(StoreError) -> Int {
        let cutoff = Int64(date.timeIntervalSince1970.rounded(.down))
        return try session.transaction { link throws(StoreError) in
            let pruned = try link.execute("DELETE FROM digest_queue WHERE spooledAt < $1", Binds { $0.add(cutoff) }.bindings)
            var sent = PostgresBindings()
            sent.append(date.timeIntervalSince1970)
            try link.execute("DELETE FROM digest_deliveries WHERE sentAt < $1", sent)
            return pruned
        }
    }

    /// The latest `limit` deliveries of a digest, newest first.
    public func deliveries(ofDigest digest: String, limit: Int) throws(StoreError) -> [DigestDelivery] {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query("""
                SELECT id, sentAt, messageID, recipients, slot, firstSeq, lastSeq FROM digest_deliveries
                WHERE digest = $1 ORDER BY id DESC LIMIT $2
                """, Binds { $0.add(digest); $0.add(max(0, limit)) }.bindings)
            let logged = try decodeRows(rows) { row in
                try row.decode((Int64, Double, String, String, Double?, Int64?, Int64?).self)
            }
            guard !logged.isEmpty else { return [] }
            let items = try link.query("SELECT delivery, seq FROM digest_delivered WHERE delivery = ANY($1) ORDER BY delivery, seq",
                                       Binds { $0.add(logged.map(\.0)) }.bindings)
            var shown: [Int64: [Int64]] = [:]
            for (delivery, seq) in try decodeRows(items, as: { row in try row.decode((Int64, Int64).self) }) {
                shown[delivery, default: []].append(seq)
            }
            return logged.map { id, sentAt, messageID, recipients, slot, first, last in
                DigestDelivery(
                    digest: digest, sentAt: Date(timeIntervalSince1970: sentAt), messageID: messageID,
                    recipients: StateStore.stringArray(json: recipients), slot: slot.map(Date.init(timeIntervalSince1970:)),
                    queueRange: first.flatMap { first in last.map { first...max(first, $0) } },
                    shown: shown[id] ?? [])
            }
        }
    }

    /// The other sources that carried each hash (global dedup scope), by hash.
    public func carriers(ofHashes hashes: [Data]) throws(StoreError) -> [Data: [String]] {
        guard !hashes.isEmpty else { return [:] }
        return try session.withConnection { link throws(StoreError) in
            var binds = PostgresBindings()
            binds.append(Set(hashes).map { ByteBuffer(bytes: $0) })
            let rows = try link.query("""
                SELECT hash, source FROM carriers WHERE scope = '' AND hash = ANY($1)
                ORDER BY hash, source COLLATE "C"
                """, binds)
            var result: [Data: [String]] = [:]
            for (hash, source) in try decodeRows(rows, as: { row in try row.decode((Data, String).self) }) {
                result[hash, default: []].append(source)
            }
            return result
        }
    }

    /// Queues a new article inside the caller's transaction (the one recording it as seen),
    /// after taking the queue's advisory lock, so that its seq is in commit order (see above).
    /// The lock is held until that transaction ends: call this after the transaction's other
    /// writes, so that it is held briefly and never while waiting for another node's rows.
    static func enqueue(_ item: QueueItem, record: SpoolRecord, at now: Int64, _ link: PostgresLink) throws(StoreError) {
        var binds = PostgresBindings()
        binds.append(now)
        binds.append(storable(record.query.source))
        binds.append(storable(record.fileName))
        binds.append(ByteBuffer(bytes: record.query.key.hash))
        binds.append(storable(item.title))
        binds.append(storable(item.link))
        binds.append(item.published?.timeIntervalSince1970)
        binds.append(item.sameStoryAs.map { ByteBuffer(bytes: $0) })
        try link.execute("""
            INSERT INTO digest_queue (spooledAt, source, spoolFile, hash, title, link, published, sameStoryAs)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM (SELECT pg_advisory_xact_lock(\(digestQueueLockKey))) AS serialized
            """, binds)
    }

    /// PostgreSQL text cannot hold NUL, which a hostile feed may put in a title or link.
    static func storable(_ text: String) -> String {
        text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    static func storable(_ text: String?) -> String? {
        text.map(storable)
    }

    /// Under the queue's lock, so that no seq is in flight: the highest seq handed out (the
    /// sequence's, which pruning never lowers), the lowest queued, and the highest queued
    /// before `date`.
    private func queueBounds(spooledBefore date: Date?) throws(StoreError) -> (latest: Int64, first: Int64?, before: Int64?) {
        try session.transaction { link throws(StoreError) in
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.digestQueueLockKey))")
            var binds = PostgresBindings()
            binds.append(date?.timeIntervalSince1970)
            let rows = try link.query("""
                SELECT greatest((SELECT max(seq) FROM digest_queue),
                                (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM digest_queue_seq_seq), 0),
                       (SELECT min(seq) FROM digest_queue),
                       (SELECT max(seq) FROM digest_queue WHERE spooledAt < $1::double precision)
                """, binds)
            guard let bounds = try decodeRows(rows, as: { row in try row.decode((Int64, Int64?, Int64?).self) }).first else {
                return (0, nil, nil)
            }
            return (bounds.0, bounds.1, bounds.2)
        }
    }
}
