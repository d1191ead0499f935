import Foundation
import Testing
@testable import VisnykKit

/// The digest queue, digest states and delivery log in PostgreSQL: what DigestStateTests and
/// DigestQueueTests check of SQLite, plus seqs that follow commit order across nodes.
@Suite struct PostgresDigestTests {
    let slot = Date(timeIntervalSince1970: 1_795_050_000)
    let story = makeEntry(id: "a-1", title: "Міст через Полтву відкрили", text: "Після двох років ремонту міст через Полтву знову відкрили для руху.")
    let other = makeEntry(id: "a-2", title: "Трамвай змінює маршрут", text: "З понеділка трамвай курсуватиме через вулицю Городоцьку до вокзалу.")

    private func freshStore() throws -> (PostgresStateStore, StateConfig) {
        let config = try TestPostgresServer.shared().freshDatabase()
        return (try PostgresStateStore(config: config, password: nil), config)
    }

    /// A store with `count` articles queued, as `record` queues them.
    private func store(queuing count: Int) throws -> (PostgresStateStore, StateConfig) {
        let (store, config) = try freshStore()
        let entries = (0..<count).map {
            makeEntry(id: "n-\($0)", title: "Новина \($0)", text: "Текст новини номер \($0), досить довгий для хешу.")
        }
        try store.queue(entries, source: "A", at: sampleFetchTime)
        return (store, config)
    }

    @Test func stateRoundTripsAndUnknownIsNil() throws {
        let (store, config) = try freshStore()
        #expect(try store.digestState(named: "morning") == nil)
        var state = DigestState(name: "morning", cursor: 7)
        state.failures = 2
        state.failingSince = slot
        state.lastError = "smtp://mail.example.org:587 said 451: try again later"
        state.nextAttemptAt = slot + 600
        state.lastSlot = slot - 86_400
        state.lastDeliveredAt = slot - 86_395.5
        state.lastMessageID = "m0@h"
        state.lastArticleCount = 4
        state.deliveries = 9
        try store.saveDigestState(state)
        try store.saveDigestState(DigestState(name: "evening", cursor: 0))
        #expect(try store.digestState(named: "morning") == state)
        #expect(try store.allDigestStates().map(\.name) == ["evening", "morning"])
        // Another connection, as after a restart.
        #expect(try PostgresStateStore(config: config, password: nil).digestState(named: "morning") == state)
    }

    @Test func savingAnOlderStateNeverMovesTheCursorBack() throws {
        let (store, _) = try freshStore()
        try store.saveDigestState(DigestState(name: "morning", cursor: 10))
        var stale = DigestState(name: "morning", cursor: 4)
        stale.failures = 1
        try store.saveDigestState(stale)
        let stored = try #require(try store.digestState(named: "morning"))
        #expect(stored.cursor == 10 && stored.failures == 1)
    }

    @Test func aDeliveryMovesTheCursorLogsTheArticlesAndClearsFailures() throws {
        let (store, config) = try store(queuing: 3)
        var failing = DigestState(name: "morning", cursor: 0)
        failing.failures = 3
        failing.failingSince = slot - 3_600
        failing.lastError = "connection refused"
        failing.nextAttemptAt = slot + 60
        try store.saveDigestState(failing)
        let queued = try store.queuedArticles(after: 0)
        try #require(queued.count == 3)
        let delivery = DigestDelivery(digest: "morning", sentAt: slot + 5, messageID: "20261119T000005Z.4f3a9c1e@test.host",
                                      recipients: ["reader@example.org", "Олена <olena@example.org>"], slot: slot,
                                      queueRange: 1...3, shown: [3, 1, 3])
        try store.recordDelivery(delivery)

        var expected = DigestState(name: "morning", cursor: 3)
        expected.lastSlot = slot
        expected.lastDeliveredAt = slot + 5
        expected.lastMessageID = delivery.messageID
        expected.lastArticleCount = 3
        expected.deliveries = 1
        #expect(try store.digestState(named: "morning") == expected)
        let logged = try store.deliveries(ofDigest: "morning", limit: 10)
        #expect(logged == [DigestDelivery(digest: "morning", sentAt: slot + 5, messageID: delivery.messageID,
                                          recipients: delivery.recipients, slot: slot, queueRange: 1...3, shown: [1, 3])])
        // The log names the spool files, which outlive the queue rows.
        _ = try store.pruneDigestQueue(before: sampleFetchTime + 1)
        let files = try TestPostgresServer.shared().sql("SELECT spoolFile FROM digest_delivered ORDER BY seq", in: config)
        #expect(files == [queued[0].spoolFile, queued[2].spoolFile].joined(separator: "\n"))
        #expect(try store.queuedArticles(after: 0).isEmpty)
    }

    @Test func aDeliveryNeverMovesTheCursorBackwardsAndAManualOneKeepsTheSlot() throws {
        let (store, _) = try store(queuing: 4)
        try store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot, messageID: "m1@h", recipients: ["r@example.org"],
                                                slot: slot, queueRange: 1...4, shown: [1, 2, 3, 4]))
        try store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot + 10, messageID: "m2@h", recipients: ["r@example.org"],
                                                slot: nil, queueRange: 1...2, shown: [1]))
        try store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot + 20, messageID: "m3@h", recipients: ["r@example.org"],
                                                slot: nil, queueRange: nil, shown: []))
        let state = try #require(try store.digestState(named: "morning"))
        #expect(state.cursor == 4 && state.lastSlot == slot && state.deliveries == 3)
        #expect(state.lastMessageID == "m3@h" && state.lastArticleCount == 0 && state.lastDeliveredAt == slot + 20)
        #expect(try store.deliveries(ofDigest: "morning", limit: 2).map(\.messageID) == ["m3@h", "m2@h"])
        #expect(try store.deliveries(ofDigest: "morning", limit: 10).last?.shown == [1, 2, 3, 4])
        #expect(try store.deliveries(ofDigest: "evening", limit: 10).isEmpty)
    }

    @Test func theDeliveryIsOneTransaction() throws {
        let (store, config) = try store(queuing: 2)
        let server = try TestPostgresServer.shared()
        // A trigger makes the state update fail after the log rows were inserted.
        try server.sql("""
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON digest_state FOR EACH ROW EXECUTE FUNCTION refuse();
            """, in: config)
        let error = #expect(throws: StoreError.self) {
            try store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot, messageID: "m1@h", recipients: ["r@example.org"],
                                                    slot: slot, queueRange: 1...2, shown: [1, 2]))
        }
        #expect(error?.description.contains("refused by the test") == true)
        #expect(try server.sql("SELECT count(*) FROM digest_deliveries", in: config) == "0")
        #expect(try server.sql("SELECT count(*) FROM digest_delivered", in: config) == "0")
        #expect(try store.digestState(named: "morning") == nil)
    }

    @Test func pruningForgetsOldDeliveriesWithTheirArticles() throws {
        let (store, config) = try store(queuing: 1)
        try store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot, messageID: "m1@h", recipients: ["r@example.org"],
                                                slot: slot, queueRange: 1...1, shown: [1]))
        _ = try store.pruneDigestQueue(before: slot + 1)
        #expect(try store.deliveries(ofDigest: "morning", limit: 10).isEmpty)
        #expect(try TestPostgresServer.shared().sql("SELECT count(*) FROM digest_delivered", in: config) == "0")
        #expect(try store.digestState(named: "morning")?.cursor == 1)
    }

    @Test func queuedArticlesKeepWhatADigestShows() throws {
        let (store, _) = try freshStore()
        var dated = story
        dated.published = Date(timeIntervalSince1970: 1_794_990_000.5)
        var updatedOnly = other
        updatedOnly.updated = Date(timeIntervalSince1970: 1_794_980_000)
        updatedOnly.title = "Трамвай\u{0} змінює маршрут"
        let marked = try #require(ContentHash.digestBytes(story.contentHash))
        try store.queue([dated, updatedOnly], source: "Leopolis.news", at: sampleFetchTime, sameStoryAs: [nil, marked])
        let queued = try store.queuedArticles(after: 0)
        #expect(queued.map(\.seq) == [1, 2])
        #expect(queued.map(\.title) == ["Міст через Полтву відкрили", "Трамвай\u{FFFD} змінює маршрут"])
        #expect(queued.map(\.link) == ["https://example.org/a-1", "https://example.org/a-2"])
        #expect(queued.map(\.contentHash) == [story.contentHash, other.contentHash])
        #expect(queued.map(\.published) == [dated.published, updatedOnly.updated])
        #expect(queued.map(\.sameStoryAs) == [nil, story.contentHash])
        #expect(queued.allSatisfy { $0.source == "Leopolis.news" && $0.spooledAt == sampleFetchTime })
        #expect(try store.latestQueueSeq() == 2)
        #expect(try store.queuedArticles(after: 1).map(\.seq) == [2])
    }

    @Test func pruningKeepsTheSeqsIncreasingAndTheStartingCursorFollowsTime() throws {
        let (store, _) = try freshStore()
        let day: TimeInterval = 86_400
        let third = makeEntry(id: "a-3", title: "Ринок Львова оновлять", text: "Площа Ринок отримає нову бруківку та освітлення до кінця року.")
        #expect(try store.latestQueueSeq() == 0)
        #expect(try store.lastQueueSeq(spooledBefore: sampleFetchTime) == 0)
        try store.queue([story], source: "A", at: sampleFetchTime)
        try store.queue([other], source: "A", at: sampleFetchTime + 10 * day)
        #expect(try store.lastQueueSeq(spooledBefore: sampleFetchTime) == 0)
        #expect(try store.lastQueueSeq(spooledBefore: sampleFetchTime + day) == 1)
        #expect(try store.lastQueueSeq(spooledBefore: sampleFetchTime + 20 * day) == 2)

        #expect(try store.pruneDigestQueue(before: sampleFetchTime + day) == 1)
        #expect(try store.queuedArticles(after: 0).map(\.seq) == [2])
        #expect(try store.lastQueueSeq(spooledBefore: sampleFetchTime + day) == 1)
        #expect(try store.pruneDigestQueue(before: sampleFetchTime + 20 * day) == 1)
        #expect(try store.queuedArticles(after: 0).isEmpty)
        // Empty, but the seqs already given out are never given again.
        #expect(try store.latestQueueSeq() == 2)
        #expect(try store.lastQueueSeq(spooledBefore: sampleFetchTime + 30 * day) == 2)
        try store.queue([third], source: "A", at: sampleFetchTime + 21 * day)
        #expect(try store.queuedArticles(after: 2).map(\.seq) == [3])
    }

    /// Node A queues seq 1 and has not committed; node B's queueing waits for A's commit, so
    /// that no reader sees seq 2 while seq 1 may still come (a cursor would skip it).
    @Test func queueSeqsFollowCommitOrderAcrossNodes() throws {
        let server = try TestPostgresServer.shared()
        let (nodeA, config) = try freshStore()
        let nodeB = try PostgresStateStore(config: config, password: nil)
        let queuedByA = DispatchSemaphore(value: 0)
        let commitA = DispatchSemaphore(value: 0)
        let doneA = DispatchSemaphore(value: 0)
        let doneB = DispatchSemaphore(value: 0)
        let (first, second) = (story, other)
        DispatchQueue.global().async {
            try? nodeA.session.transaction { link throws(StoreError) in
                try nodeA.queue([first], source: "A", at: sampleFetchTime, link: link)
                queuedByA.signal()
                commitA.wait()
            }
            doneA.signal()
        }
        queuedByA.wait()
        DispatchQueue.global().async {
            try? nodeB.queue([second], source: "B", at: sampleFetchTime)
            doneB.signal()
        }
        let database = String(config.url!.split(separator: "/").last!)
        var bWaits = false
        var bFinished = false
        for _ in 0..<400 where !bWaits && !bFinished {
            if doneB.wait(timeout: .now() + 0.05) == .success { bFinished = true; break }
            bWaits = try server.sql("""
                SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = '\(database)'
                """) == "1"
        }
        #expect(bWaits && !bFinished)
        #expect(try nodeA.queuedArticles(after: 0).isEmpty)
        commitA.signal()
        doneA.wait()
        if !bFinished { doneB.wait() }
        #expect(try nodeB.queuedArticles(after: 0).map(\.source) == ["A", "B"])
        #expect(try nodeB.latestQueueSeq() == 2)
    }

    @Test func carriersOfManyHashesInOneRead() throws {
        let (store, config) = try freshStore()
        let first = Data(repeating: 1, count: 32)
        let second = Data(repeating: 2, count: 32)
        let lonely = Data(repeating: 3, count: 32)
        func hex(_ data: Data) -> String { "'\\x" + data.map { String(format: "%02x", $0) }.joined() + "'" }
        try TestPostgresServer.shared().sql("""
            INSERT INTO seen (scope, hash, firstSeen, lastSeen, source, entryID, spoolFile) VALUES
                ('', \(hex(first)), 1, 1, 'A', 'a-1', '1.a.json'), ('', \(hex(second)), 1, 1, 'A', 'a-2', '2.a.json'),
                ('', \(hex(lonely)), 1, 1, 'A', 'a-3', '3.a.json'), ('feed', \(hex(lonely)), 1, 1, 'feed', 'f-3', '3.f.json');
            INSERT INTO carriers (scope, hash, source, firstSeen) VALUES
                ('', \(hex(first)), 'C', 2), ('', \(hex(first)), 'B', 2), ('', \(hex(second)), 'B', 3),
                ('feed', \(hex(lonely)), 'D', 3);
            """, in: config)
        let carriers = try store.carriers(ofHashes: [first, second, lonely, first])
        #expect(carriers == [first: ["B", "C"], second: ["B"]])
        #expect(try store.carriers(ofHashes: []).isEmpty)
    }
}

extension PostgresStateStore {
    /// Queues `entries` as `record` does, in one transaction.
    func queue(_ entries: [Entry], source: String, at time: Date, sameStoryAs: [Data?]? = nil) throws {
        try session.transaction { link throws(StoreError) in
            try queue(entries, source: source, at: time, sameStoryAs: sameStoryAs, link: link)
        }
    }

    func queue(_ entries: [Entry], source: String, at time: Date, sameStoryAs: [Data?]? = nil, link: PostgresLink) throws(StoreError) {
        for (index, entry) in entries.enumerated() {
            let item = QueueItem(entry, sameStoryAs: sameStoryAs?[index])
            let key = SeenKey(scope: "", hash: ContentHash.digestBytes(entry.contentHash) ?? Data())
            let record = SpoolRecord(query: SeenQuery(key: key, source: source, entryID: entry.id),
                                     fileName: "\(Int(time.timeIntervalSince1970)).\(source).\(entry.id).json", queueItem: item)
            try Self.enqueue(item, record: record, at: Int64(time.timeIntervalSince1970), link)
        }
    }
}
