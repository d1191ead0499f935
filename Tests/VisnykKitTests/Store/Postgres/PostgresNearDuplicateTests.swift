import Foundation
import Testing
@testable import VisnykKit

/// The near-duplicate index in PostgreSQL (PostgresStateStore+NearDuplicates) answers as the
/// SQLite one does (DeduperNearDuplicateTests), for every node on the database, with stories
/// from the labelled set (Fixtures/neardup).
@Suite struct PostgresNearDuplicateTests {
    typealias H = PostgresSeenHarness
    typealias Topic = DeduperNearDuplicateTests.Topic
    static let fingerprinter = NearDuplicateFingerprinter()

    /// What the Deduper does with a new article of a source with global dedup (near_duplicates
    /// = "mark"): looks its story up, then records it, indexed under that story (or its own
    /// hash). Returns the story it was marked as, nil when none.
    @discardableResult
    static func mark(_ entry: Entry, from source: String, at time: Date, in store: PostgresStateStore) throws -> String? {
        let lookup = lookup(entry, at: time)
        let key = try H.key(entry)
        let story = try store.nearDuplicateStories([lookup], settings: .standard)[0]
            .flatMap(ContentHash.digestBytes).flatMap { $0 == key.hash ? nil : $0 }
        let item = lookup.fingerprint.isIndexable
            ? NearDuplicateIndexItem(story: story ?? key.hash, time: lookup.time, fingerprint: lookup.fingerprint) : nil
        let record = SpoolRecord(query: SeenQuery(key: key, source: source, entryID: entry.id),
                                 fileName: "\(entry.id).\(source).json", queueItem: QueueItem(entry, sameStoryAs: story),
                                 nearDuplicateItem: item)
        #expect(try store.record([record], sightings: [], at: time) == [true])
        return story.map { ContentHash.string(digestBytes: $0) }
    }

    static func lookup(_ entry: Entry, at time: Date) -> NearDuplicateLookup {
        NearDuplicateLookup(fingerprint: fingerprinter.fingerprint(Deduper.nearDuplicateText(entry)),
                            time: NearDuplicateIndex.seconds(time))
    }

    @Test func aRewriteIsFoundByEveryNodeAndTheOtherStoryIsNot() throws {
        let h = try PostgresSeenHarness()
        let topic = try DeduperNearDuplicateTests.topic(0)
        #expect(try Self.mark(topic.same[0], from: "A", at: sampleFetchTime, in: h.store) == nil)
        let later = sampleFetchTime + 3_600
        for store in [h.store, try h.node()] {
            let stories = try store.nearDuplicateStories([Self.lookup(topic.same[1], at: later), Self.lookup(topic.other, at: later)],
                                                         settings: .standard)
            #expect(stories == [topic.same[0].contentHash, nil])
        }
        #expect(try Self.mark(topic.same[1], from: "B", at: later, in: h.node()) == topic.same[0].contentHash)
        #expect(try Self.mark(topic.other, from: "B", at: later, in: h.store) == nil)
        #expect(try h.store.nearDuplicateIndexCount() == 3)
        #expect(try h.sql("SELECT count(DISTINCT article) FROM near_bands") == "3")
        #expect(try h.store.nearDuplicateStories([], settings: .standard).isEmpty)
    }

    @Test func aLaterRewriteNamesTheStorysFirstArticle() throws {
        let h = try PostgresSeenHarness()
        let topic = try DeduperNearDuplicateTests.topic(0)
        try Self.mark(topic.same[0], from: "A", at: sampleFetchTime, in: h.store)
        try Self.mark(topic.same[1], from: "B", at: sampleFetchTime + 600, in: h.store)
        #expect(try Self.mark(topic.same[2], from: "C", at: sampleFetchTime + 1_200, in: h.store) == topic.same[0].contentHash)
    }

    @Test func articlesMoreThan72HoursApartAreNotMatchedAndLeaveTheIndex() throws {
        let h = try PostgresSeenHarness()
        let topics = try [0, 1, 2, 4].map(DeduperNearDuplicateTests.topic)
        for topic in topics.prefix(3) { try Self.mark(topic.same[0], from: "A", at: sampleFetchTime, in: h.store) }
        #expect(try h.store.nearDuplicateIndexCount() == 3)
        let late = sampleFetchTime + 73 * 3_600
        #expect(try h.store.nearDuplicateStories([Self.lookup(topics[0].same[1], at: late)], settings: .standard) == [nil])
        // The next recorded article takes the old ones out, with their bands.
        try Self.mark(topics[3].same[0], from: "A", at: late, in: h.store)
        #expect(try h.store.nearDuplicateIndexCount() == 1)
        #expect(try h.sql("SELECT count(DISTINCT article) FROM near_bands") == "1")
    }

    @Test func aShortTextIsNeitherIndexedNorLookedUp() throws {
        let h = try PostgresSeenHarness()
        let short = makeEntry(id: "s-1", title: "Коротко", text: "Подробиці згодом.")
        #expect(!Self.lookup(short, at: sampleFetchTime).fingerprint.isIndexable)
        try Self.mark(short, from: "A", at: sampleFetchTime, in: h.store)
        #expect(try h.store.nearDuplicateIndexCount() == 0)
        #expect(try h.store.nearDuplicateStories([Self.lookup(short, at: sampleFetchTime)], settings: .standard) == [nil])
    }

    @Test func aDroppedRewriteIsSeenWithoutAFileAndItsSourceCarriesTheStory() throws {
        let h = try PostgresSeenHarness()
        let topic = try DeduperNearDuplicateTests.topic(2)
        try Self.mark(topic.same[0], from: "A", at: sampleFetchTime, in: h.store)
        let story = try H.key(topic.same[0]).hash
        let rewrite = try H.query(topic.same[1], source: "B")
        let ownSource = try H.query(topic.same[2], source: "A")
        let recorded = try h.store.record([], sightings: [], dropped: [DroppedNearDuplicate(query: rewrite, story: story),
                                                                       DroppedNearDuplicate(query: ownSource, story: story)],
                                          at: sampleFetchTime + 3_600)
        #expect(recorded.isEmpty)
        #expect(try h.store.seenCount() == 3)
        // B carries the story; A, which spooled it, does not.
        #expect(try h.store.carriers(ofHash: topic.same[0].contentHash) == ["B"])
        let marker = "dropped/" + topic.same[1].contentHash.dropFirst(7)
        #expect(try h.store.isSpoolFileRecorded(marker))
        #expect(try h.store.lookUp([rewrite]).first?.identityHash == rewrite.key.hash)
        // Seen: it never comes back, from any node, not even once the story's window is over.
        let again = SpoolRecord(query: rewrite, fileName: "again.b.json", queueItem: QueueItem(topic.same[1]))
        #expect(try h.node().record([again], sightings: [], at: sampleFetchTime + 80 * 3_600) == [false])
        // Dropped again by another node: not recorded twice, no error.
        _ = try h.node().record([], sightings: [], dropped: [DroppedNearDuplicate(query: rewrite, story: story)], at: sampleFetchTime)
        #expect(try h.store.seenCount() == 3)
        #expect(try h.sql("SELECT count(*) FROM digest_queue") == "1")
        #expect(try h.store.nearDuplicateIndexCount() == 1)
    }

    /// The labelled set through the PostgreSQL index, with its bucket cap and candidate limit,
    /// after 400 unrelated articles (PersistedNearDuplicateLabelledSetTests, smaller): each
    /// original from one node, its rewrites from the other, the different story from either.
    @Test func precisionAndRecallThroughThePostgresIndex() throws {
        let h = try PostgresSeenHarness()
        let nodes = [h.store, try h.node()]
        var random = SeededRandom(seed: 20261129)
        let words = ["місто", "рада", "вулиця", "трамвай", "школа", "лікарня", "міст", "ремонт", "бюджет", "громада",
                     "вокзал", "парк", "музей", "театр", "дорога", "сесія", "депутат", "мер", "область", "район"]
        for chunk in 0..<4 {
            let records = try (0..<100).map { offset -> SpoolRecord in
                let number = chunk * 100 + offset
                let text = (0..<60).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
                let entry = makeEntry(id: "bg\(number)", title: "Новина \(number)", text: text)
                let lookup = Self.lookup(entry, at: sampleFetchTime)
                let key = try H.key(entry)
                return SpoolRecord(query: SeenQuery(key: key, source: "Фон", entryID: entry.id), fileName: "bg\(number).json",
                                   queueItem: QueueItem(entry),
                                   nearDuplicateItem: NearDuplicateIndexItem(story: key.hash, time: lookup.time, fingerprint: lookup.fingerprint))
            }
            #expect(try nodes[chunk % 2].record(records, sightings: [], at: sampleFetchTime).allSatisfy { $0 })
        }
        #expect(try h.store.nearDuplicateIndexCount() == 400)
        let topics = try NearDuplicateLabelledSetTests.topics()
        var truePositives = 0, falseNegatives = 0, falsePositives = 0
        var time = sampleFetchTime
        for number in topics.indices {
            let topic = try DeduperNearDuplicateTests.topic(number)
            func story(_ entry: Entry, from source: String, node: Int) throws -> String? {
                time = time.addingTimeInterval(3_600 / Double(topics.count))
                return try Self.mark(entry, from: source, at: time, in: nodes[node])
            }
            _ = try story(topic.same[0], from: "A", node: 0)
            for (index, rewrite) in topic.same.dropFirst().enumerated() {
                if try story(rewrite, from: index == 0 ? "B" : "C", node: 1) == topic.same[0].contentHash {
                    truePositives += 1
                } else {
                    falseNegatives += 1
                }
            }
            if try story(topic.other, from: "D", node: number % 2) != nil { falsePositives += 1 }
        }
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        print("near-duplicates through the PostgreSQL index after 400 others: recall \(recall) (\(truePositives) of \(truePositives + falseNegatives) rewrites), \(falsePositives) different stories marked")
        #expect(falsePositives == 0)
        #expect(recall >= 0.9)
    }
}
