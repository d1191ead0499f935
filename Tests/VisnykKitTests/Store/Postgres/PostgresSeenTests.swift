import Foundation
import Testing
@testable import VisnykKit

/// The seen articles in PostgreSQL (PostgresStateStore+Seen) behave as in SQLite (the Deduper
/// and DigestQueue tests), on a real server; and two nodes recording one hash at once record
/// it exactly once.
@Suite struct PostgresSeenTests {
    typealias H = PostgresSeenHarness
    let story = makeEntry(id: "a-1", title: "Міст через Полтву відкрили", text: "Після двох років ремонту міст через Полтву знову відкрили для руху.")
    let other = makeEntry(id: "a-2", title: "Трамвай змінює маршрут", text: "З понеділка трамвай курсуватиме через вулицю Городоцьку до вокзалу.")
    let now = Int64(sampleFetchTime.timeIntervalSince1970)

    @Test func aHashIsRecordedOnceAndTheLaterSourceBecomesACarrier() throws {
        let h = try PostgresSeenHarness()
        let store = h.store
        #expect(try store.record([H.spooled(story, source: "A", file: "1.a.host.json"),
                                  H.spooled(other, source: "A", file: "2.a.host.json")], sightings: [], at: sampleFetchTime) == [true, true])
        var copy = story
        copy.id = "b-9"
        #expect(try store.record([H.spooled(copy, source: "B", file: "3.b.host.json")], sightings: [],
                                 at: sampleFetchTime + 60) == [false])
        #expect(try store.carriers(ofHash: story.contentHash) == ["B"])
        // The source that spooled it is no carrier of its own article.
        #expect(try store.record([H.spooled(story, source: "A", file: "4.a.host.json")], sightings: [],
                                 at: sampleFetchTime + 120) == [false])
        #expect(try store.carriers(ofHash: story.contentHash) == ["B"])
        #expect(try store.carriers(ofHash: other.contentHash).isEmpty)
        #expect(try store.carriers(ofHash: "md5:nonsense").isEmpty)
        #expect(try store.seenCount() == 2)
        #expect(try store.isSpoolFileRecorded("1.a.host.json"))
        #expect(try !store.isSpoolFileRecorded("3.b.host.json"))
        // Only the recorded articles are queued for digests, in record order.
        #expect(try h.sql("SELECT spoolFile FROM digest_queue ORDER BY seq") == "1.a.host.json\n2.a.host.json")

        let looked = try store.lookUp([H.query(story, source: "A"), H.query(copy, source: "B"),
                                       H.query(other, source: "C"), H.query(story, source: "A", scope: "A")])
        #expect(looked.map(\.owner) == ["A", "A", "A", nil])
        #expect(looked.map(\.lastSeen) == [now, now, now, nil])
        #expect(looked.map(\.isCarrier) == [false, true, false, false])
        // Identities: every record sets its entry's, recorded or not.
        let hash = try H.key(story).hash
        #expect(looked.map(\.identityHash) == [hash, hash, nil, hash])
        #expect(try store.lookUp([]).isEmpty)
    }

    @Test func theSameKeyTwiceInOneRecordIsRecordedForTheFirstOnly() throws {
        let h = try PostgresSeenHarness()
        var twin = story
        twin.id = "b-1"
        let recorded = try h.store.record([H.spooled(other, source: "A", file: "0.a.host.json"),
                                           H.spooled(story, source: "A", file: "1.a.host.json"),
                                           H.spooled(twin, source: "B", file: "2.b.host.json")], sightings: [], at: sampleFetchTime)
        #expect(recorded == [true, true, false])
        #expect(try h.store.carriers(ofHash: story.contentHash) == ["B"])
        #expect(try h.sql("SELECT spoolFile FROM digest_queue ORDER BY seq") == "0.a.host.json\n1.a.host.json")
    }

    @Test func feedScopeKeepsOneRowPerSource() throws {
        let h = try PostgresSeenHarness()
        let recorded = try h.store.record([H.spooled(story, source: "A", file: "1.a.host.json", scope: "A"),
                                           H.spooled(story, source: "B", file: "2.b.host.json", scope: "B"),
                                           H.spooled(story, source: "C", file: "3.c.host.json")], sightings: [], at: sampleFetchTime)
        #expect(recorded == [true, true, true])
        #expect(try h.store.seenCount() == 3)
        #expect(try h.store.carriers(ofHash: story.contentHash, scope: "A").isEmpty)
    }

    @Test func sightingsTouchAddCarriersAndMoveIdentities() throws {
        let h = try PostgresSeenHarness()
        let store = h.store
        _ = try store.record([H.spooled(story, source: "A", file: "1.a.host.json")], sightings: [], at: sampleFetchTime)
        let seenByA = try H.query(story, source: "A")
        let seenByC = try H.query(story, source: "C")
        let seenByB = try H.query(story, source: "B")
        _ = try store.record([], sightings: [Sighting(query: seenByA, addCarrier: false, touch: true, updateIdentity: false),
                                             Sighting(query: seenByC, addCarrier: true, touch: false, updateIdentity: true),
                                             Sighting(query: seenByB, addCarrier: true, touch: false, updateIdentity: false)],
                             at: sampleFetchTime + 3_600)
        #expect(try store.lookUp([seenByA]).first?.lastSeen == now + 3_600)
        #expect(try store.carriers(ofHash: story.contentHash) == ["B", "C"])
        // A touch never moves lastSeen back.
        _ = try store.record([], sightings: [Sighting(query: seenByA, addCarrier: false, touch: true, updateIdentity: false)],
                             at: sampleFetchTime)
        #expect(try store.lookUp([seenByA]).first?.lastSeen == now + 3_600)
        // C's entry, edited into another article's text, points at the new hash; B has no identity.
        var edited = try H.query(other, source: "C")
        edited.entryID = story.id
        _ = try store.record([], sightings: [Sighting(query: edited, addCarrier: false, touch: false, updateIdentity: true)],
                             at: sampleFetchTime + 7_200)
        let identities = try store.lookUp([seenByC, seenByB]).map(\.identityHash)
        #expect(identities == [edited.key.hash, nil])
        // A sighting that needs no write writes nothing.
        #expect(try store.record([], sightings: [Sighting(query: seenByA, addCarrier: false, touch: false, updateIdentity: false)],
                                 at: sampleFetchTime + 9_000).isEmpty)
        #expect(try store.lookUp([seenByA]).first?.lastSeen == now + 3_600)
    }

    @Test func pruneForgetsArticlesGoneFromEveryFeedWithTheirCarriersAndIdentities() throws {
        let h = try PostgresSeenHarness()
        let store = h.store
        let day: TimeInterval = 86_400
        _ = try store.record([H.spooled(story, source: "A", file: "1.a.host.json"),
                              H.spooled(other, source: "A", file: "2.a.host.json")], sightings: [], at: sampleFetchTime)
        _ = try store.record([H.spooled(story, source: "B", file: "3.b.host.json")], sightings: [], at: sampleFetchTime)
        // `other` is seen again 50 days later; `story` is gone from every feed.
        _ = try store.record([], sightings: [Sighting(query: try H.query(other, source: "A"), addCarrier: false, touch: true,
                                                      updateIdentity: false)], at: sampleFetchTime + 50 * day)
        #expect(try store.pruneSeen(before: sampleFetchTime + 10 * day) == 1)
        #expect(try store.seenCount() == 1)
        #expect(try store.carriers(ofHash: story.contentHash).isEmpty)
        #expect(try h.sql("SELECT entryID FROM entries ORDER BY entryID") == "a-2")
        #expect(try store.pruneSeen(before: sampleFetchTime + 10 * day) == 0)
        // Forgotten, it is recorded again as new.
        #expect(try store.record([H.spooled(story, source: "A", file: "5.a.host.json")], sightings: [],
                                 at: sampleFetchTime + 51 * day) == [true])
    }

    @Test func anEntryIDHoldingNULIsRecordedAndFoundAgain() throws {
        let h = try PostgresSeenHarness()
        var hostile = story
        hostile.id = "a\u{0}1"
        let query = try H.query(hostile, source: "A")
        #expect(try h.store.record([H.spooled(hostile, source: "A", file: "1.a.host.json")], sightings: [], at: sampleFetchTime) == [true])
        #expect(try h.store.lookUp([query]).first?.identityHash == query.key.hash)
        #expect(try h.store.record([], sightings: [Sighting(query: query, addCarrier: false, touch: false, updateIdentity: true)],
                                   at: sampleFetchTime).isEmpty)
    }

    /// Two nodes (stores with their own connections) record the same 200 hashes at once, on
    /// threads of their own, in batches cut differently: every hash is recorded by exactly one;
    /// the other's source is its carrier; each is queued once. A third connection holds the
    /// `seen` table until both nodes' first transactions wait for it, so that these run at
    /// once, on shared keys, however the threads are scheduled.
    @Test func twoNodesRecordingTheSameHashesAtOnceRecordEachExactlyOnce() throws {
        let h = try PostgresSeenHarness()
        let nodes = [h.store, try h.node()]
        let entries = (0..<200).map { makeEntry(id: "r-\($0)", title: "Новина \($0)", text: "Текст новини номер \($0), достатньо довгий для хешу.") }
        let batches: [[[Int]]] = [
            stride(from: 0, to: 200, by: 25).map { Array($0..<$0 + 25) },
            (0..<8).map { lane in Array(stride(from: lane, to: 200, by: 8)) },
        ]
        let records = try ["node-a", "node-b"].map { source in
            try entries.map { try H.spooled($0, source: source, file: "\($0.id).\(source).json") }
        }
        let outcomes = PthreadMutexBox<[Int: [Int: Bool]]>([:])
        let failures = PthreadMutexBox<[String]>([])
        let finished = DispatchSemaphore(value: 0)
        let url = try PostgresURL.parse(try #require(h.config.url)).get()
        let gate = try PostgresSession(url: url, password: h.server.password, connections: 1)
        let waitedTogether = try gate.withConnection { link throws(StoreError) -> Bool in
            try link.execute("BEGIN")
            try link.execute("LOCK TABLE seen IN EXCLUSIVE MODE")
            for node in 0..<2 {
                let (store, records, batches) = (nodes[node], records[node], batches[node])
                Thread {
                    do {
                        var recorded: [Int: Bool] = [:]
                        for batch in batches {
                            let outcome = try store.record(batch.map { records[$0] }, sightings: [], at: sampleFetchTime)
                            for (index, won) in zip(batch, outcome) { recorded[index] = won }
                        }
                        outcomes.withLock { $0[node] = recorded }
                    } catch {
                        failures.withLock { $0.append("node \(node): \(error)") }
                    }
                    finished.signal()
                }.start()
            }
            var waiting: Int64 = 0, polls = 0
            while waiting < 2 && polls < 3_000 {
                if polls > 0 { usleep(10_000) }
                polls += 1
                let rows = try link.query("SELECT count(*) FROM pg_locks WHERE relation = 'seen'::regclass AND NOT granted")
                waiting = try rows.first?.decodedColumn(Int64.self, database: url.display) ?? 0
            }
            try link.execute("COMMIT")
            return waiting >= 2
        }
        finished.wait()
        finished.wait()
        #expect(waitedTogether, "the two nodes' first transactions never waited for the table together")
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let (a, b) = outcomes.withLock { ($0[0] ?? [:], $0[1] ?? [:]) }
        #expect(a.count == 200 && b.count == 200)
        let twice = (0..<200).filter { a[$0] == true && b[$0] == true }
        let never = (0..<200).filter { a[$0] != true && b[$0] != true }
        #expect(twice.isEmpty, "recorded by both: \(twice)")
        #expect(never.isEmpty, "recorded by neither: \(never)")
        print("two nodes racing on 200 hashes: node-a recorded \(a.values.filter { $0 }.count), node-b \(b.values.filter { $0 }.count)")
        #expect(try h.store.seenCount() == 200)
        #expect(try h.sql("SELECT count(*), count(DISTINCT hash) FROM digest_queue") == "200|200")
        for index in [0, 8, 57, 133, 199] {
            let loser = a[index] == true ? "node-b" : "node-a"
            #expect(try h.store.carriers(ofHash: entries[index].contentHash) == [loser])
        }
        let carriers = try h.sql("""
            SELECT count(*) FROM carriers c JOIN seen s ON s.scope = c.scope AND s.hash = c.hash WHERE c.source <> s.source
            """)
        #expect(carriers == "200")
    }
}
