import Foundation
import GRDB
import Testing
@testable import VisnykKit

@Suite struct DigestStateTests {
    let slot = Date(timeIntervalSince1970: 1_795_050_000)

    /// A store with `count` articles queued by the real Deduper.
    private func harness(queuing count: Int) throws -> SpoolHarness {
        let h = try SpoolHarness()
        let entries = (0..<count).map {
            makeEntry(id: "n-\($0)", title: "Новина \($0)", text: "Текст новини номер \($0), досить довгий для хешу.")
        }
        _ = try h.deduper.accept(makeFeed(entries), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime)
        return h
    }

    @Test func stateRoundTripsAndUnknownIsNil() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        #expect(try h.store.digestState(named: "morning") == nil)
        var state = DigestState(name: "morning", cursor: 7)
        state.failures = 2
        state.failingSince = slot
        state.lastError = "smtp://mail.example.org:587 said 451: try again later"
        state.nextAttemptAt = slot + 600
        state.lastSlot = slot - 86_400
        try h.store.saveDigestState(state)
        try h.store.saveDigestState(DigestState(name: "evening", cursor: 0))
        #expect(try h.store.digestState(named: "morning") == state)
        #expect(try h.store.allDigestStates().map(\.name) == ["evening", "morning"])
        // Reopened, as after a restart.
        #expect(try StateStore(directory: h.dir.appending("state")).digestState(named: "morning") == state)
    }

    @Test func savingAnOlderStateNeverMovesTheCursorBack() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        try h.store.saveDigestState(DigestState(name: "morning", cursor: 10))
        var stale = DigestState(name: "morning", cursor: 4)
        stale.failures = 1
        try h.store.saveDigestState(stale)
        let stored = try #require(try h.store.digestState(named: "morning"))
        #expect(stored.cursor == 10 && stored.failures == 1)
    }

    @Test func aDeliveryMovesTheCursorLogsTheArticlesAndClearsFailures() throws {
        let h = try harness(queuing: 3)
        defer { h.remove() }
        var failing = DigestState(name: "morning", cursor: 0)
        failing.failures = 3
        failing.failingSince = slot - 3_600
        failing.lastError = "connection refused"
        failing.nextAttemptAt = slot + 60
        try h.store.saveDigestState(failing)
        let queued = try h.store.queuedArticles(after: 0)
        try #require(queued.count == 3)
        let delivery = DigestDelivery(digest: "morning", sentAt: slot + 5, messageID: "20261119T000005Z.4f3a9c1e@test.host",
                                      recipients: ["reader@example.org", "Олена <olena@example.org>"], slot: slot,
                                      queueRange: 1...3, shown: [3, 1])
        try h.store.recordDelivery(delivery)

        var expected = DigestState(name: "morning", cursor: 3)
        expected.lastSlot = slot
        expected.lastDeliveredAt = slot + 5
        expected.lastMessageID = delivery.messageID
        expected.lastArticleCount = 2
        expected.deliveries = 1
        #expect(try h.store.digestState(named: "morning") == expected)
        let logged = try h.store.deliveries(ofDigest: "morning", limit: 10)
        #expect(logged == [DigestDelivery(digest: "morning", sentAt: slot + 5, messageID: delivery.messageID,
                                          recipients: delivery.recipients, slot: slot, queueRange: 1...3, shown: [1, 3])])
        // The log names the spool files, which outlive the queue rows.
        _ = try h.store.pruneDigestQueue(before: sampleFetchTime + 1)
        let files = try h.store.pool.read { db in try String.fetchAll(db, sql: "SELECT spoolFile FROM digest_delivered ORDER BY seq") }
        #expect(files == [queued[0].spoolFile, queued[2].spoolFile])
        #expect(try h.store.queuedArticles(after: 0).isEmpty)
    }

    @Test func aDeliveryNeverMovesTheCursorBackwardsAndAManualOneKeepsTheSlot() throws {
        let h = try harness(queuing: 4)
        defer { h.remove() }
        try h.store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot, messageID: "m1@h", recipients: ["r@example.org"],
                                                  slot: slot, queueRange: 1...4, shown: [1, 2, 3, 4]))
        // A message composed earlier (covering less) accepted later.
        try h.store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot + 10, messageID: "m2@h", recipients: ["r@example.org"],
                                                  slot: nil, queueRange: 1...2, shown: [1]))
        // Nothing queued (send_empty): no range.
        try h.store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot + 20, messageID: "m3@h", recipients: ["r@example.org"],
                                                  slot: nil, queueRange: nil, shown: []))
        let state = try #require(try h.store.digestState(named: "morning"))
        #expect(state.cursor == 4 && state.lastSlot == slot && state.deliveries == 3)
        #expect(state.lastMessageID == "m3@h" && state.lastArticleCount == 0 && state.lastDeliveredAt == slot + 20)
        #expect(try h.store.deliveries(ofDigest: "morning", limit: 2).map(\.messageID) == ["m3@h", "m2@h"])
        #expect(try h.store.deliveries(ofDigest: "morning", limit: 10).last?.shown == [1, 2, 3, 4])
        #expect(try h.store.deliveries(ofDigest: "evening", limit: 10).isEmpty)
    }

    @Test func theDeliveryIsOneTransaction() throws {
        let h = try harness(queuing: 2)
        defer { h.remove() }
        // A trigger makes the state update fail after the log rows were inserted.
        try h.store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse BEFORE INSERT ON digest_state
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        #expect(throws: StoreError.self) {
            try h.store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot, messageID: "m1@h", recipients: ["r@example.org"],
                                                      slot: slot, queueRange: 1...2, shown: [1, 2]))
        }
        let (deliveries, items) = try h.store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM digest_deliveries"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM digest_delivered"))
        }
        #expect(deliveries == 0 && items == 0)
        #expect(try h.store.digestState(named: "morning") == nil)
    }

    @Test func pruningForgetsOldDeliveriesWithTheirArticles() throws {
        let h = try harness(queuing: 1)
        defer { h.remove() }
        try h.store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot, messageID: "m1@h", recipients: ["r@example.org"],
                                                  slot: slot, queueRange: 1...1, shown: [1]))
        _ = try h.store.pruneDigestQueue(before: slot + 1)
        #expect(try h.store.deliveries(ofDigest: "morning", limit: 10).isEmpty)
        let items = try h.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM digest_delivered") }
        #expect(items == 0)
        // The state keeps what the digest needs.
        #expect(try h.store.digestState(named: "morning")?.cursor == 1)
    }
}
