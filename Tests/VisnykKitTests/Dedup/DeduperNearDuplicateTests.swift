import Foundation
import Testing
@testable import VisnykKit

/// The Deduper with the persisted near-duplicate index, on a real SQLite file and spool, with
/// stories from the labelled set (Fixtures/neardup): the original of a topic, its rewrites as
/// another outlet printed them, and a different story on the same topic.
@Suite struct DeduperNearDuplicateTests {
    /// The versions of one topic as entries: `same[0]` the original, `same[1...]` its rewrites,
    /// `other` the different story; ids (and links) all distinct.
    struct Topic {
        var same: [Entry]
        var other: Entry
    }

    static func topic(_ number: Int) throws -> Topic {
        let versions = try NearDuplicateLabelledSetTests.topics()[number]
        let entries = versions.enumerated().map { index, version in
            let lines = version.text.split(separator: "\n", maxSplits: 1).map(String.init)
            return makeEntry(id: "t\(number)-v\(index)", title: lines[0], text: lines.count > 1 ? lines[1] : "")
        }
        return Topic(same: zip(versions, entries).filter { $0.0.label == "same" }.map(\.1),
                     other: try #require(zip(versions, entries).first { $0.0.label == "other" }?.1))
    }

    func accept(_ deduper: Deduper, _ entries: [Entry], from source: String, at time: Date = sampleFetchTime,
                dedup: DedupScope = .global) throws -> AcceptOutcome {
        try deduper.accept(makeFeed(entries, title: source), from: ArticleSource(name: source, dedup: dedup), fetchedAt: time)
    }

    func deduper(_ h: SpoolHarness, _ mode: NearDuplicateMode) -> Deduper {
        Deduper(store: h.store, spool: h.spool, nearDuplicates: mode)
    }

    @Test func markSpoolsTheRewriteWithTheOriginalsHash() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(0)
        let deduper = deduper(h, .mark)
        #expect(try accept(deduper, [topic.same[0]], from: "A").nearDuplicates == 0)
        let outcome = try accept(deduper, [topic.same[1], topic.other], from: "B", at: sampleFetchTime + 3_600)
        #expect(outcome.new == 2 && outcome.nearDuplicates == 1)
        let rewrite = try h.json("new", outcome.files[0])
        #expect(rewrite["sameStoryAs"] as? String == topic.same[0].contentHash)
        // The different story on the same topic, the same day, is not the same story.
        #expect(try h.json("new", outcome.files[1])["sameStoryAs"] == nil)
        #expect(try h.store.nearDuplicateIndexCount() == 3)
    }

    @Test func aLaterRewriteNamesTheStorysFirstArticle() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(0)
        let deduper = deduper(h, .mark)
        _ = try accept(deduper, [topic.same[0]], from: "A")
        _ = try accept(deduper, [topic.same[1]], from: "B", at: sampleFetchTime + 600)
        let third = try accept(deduper, [topic.same[2]], from: "C", at: sampleFetchTime + 1_200)
        #expect(third.nearDuplicates == 1)
        #expect(try h.json("new", third.files[0])["sameStoryAs"] as? String == topic.same[0].contentHash)
    }

    @Test func emlCarriesTheSameStoryHeader() throws {
        let h = try SpoolHarness(format: .eml)
        defer { h.remove() }
        let topic = try Self.topic(1)
        _ = try accept(deduper(h, .mark), [topic.same[0]], from: "A")
        let outcome = try accept(deduper(h, .mark), [topic.same[1]], from: "B", at: sampleFetchTime + 60)
        let message = try String(contentsOfFile: h.path("new", outcome.files[0]), encoding: .utf8)
        #expect(message.contains("\r\nX-Visnyk-Same-Story-As: \(topic.same[0].contentHash)\r\n"))
    }

    @Test func dropRecordsTheRewriteWithoutSpoolingItAndCarriesItsSource() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(2)
        let deduper = deduper(h, .drop)
        _ = try accept(deduper, [topic.same[0]], from: "A")
        let dropped = try accept(deduper, [topic.same[1]], from: "B", at: sampleFetchTime + 3_600)
        #expect(dropped.new == 0 && dropped.nearDuplicates == 1 && dropped.files.isEmpty)
        #expect(h.files("new").count == 1 && h.files("tmp").isEmpty)
        #expect(try h.store.carriers(ofHash: topic.same[0].contentHash) == ["B"])
        // Seen: it never comes back, not even once the story's window is over.
        let again = try accept(deduper, [topic.same[1]], from: "B", at: sampleFetchTime + 80 * 3_600)
        #expect(again.new == 0 && again.duplicates == 1 && again.nearDuplicates == 0)
        #expect(h.files("new").count == 1)
        // Recovery does not take the seen row for a file.
        #expect(try deduper.recover().finished == 0)
    }

    @Test func offSpoolsTheRewritePlainlyAndKeepsNoIndex() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(3)
        let deduper = deduper(h, .off)
        _ = try accept(deduper, [topic.same[0]], from: "A")
        let outcome = try accept(deduper, [topic.same[1]], from: "B", at: sampleFetchTime + 3_600)
        #expect(outcome.new == 1 && outcome.nearDuplicates == 0)
        #expect(try h.json("new", outcome.files[0])["sameStoryAs"] == nil)
        #expect(try h.store.nearDuplicateIndexCount() == 0)
    }

    @Test func articlesMoreThan72HoursApartAreNotMatched() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(4)
        let deduper = deduper(h, .mark)
        _ = try accept(deduper, [topic.same[0]], from: "A")
        let late = try accept(deduper, [topic.same[1]], from: "B", at: sampleFetchTime + 73 * 3_600)
        #expect(late.new == 1 && late.nearDuplicates == 0)
        #expect(try h.json("new", late.files[0])["sameStoryAs"] == nil)
        // Fetch times count, not the dates feeds give: published four days apart, fetched an hour apart.
        var old = topic.same[0]
        old.published = sampleFetchTime - 4 * 86_400
        let h2 = try SpoolHarness()
        defer { h2.remove() }
        _ = try accept(self.deduper(h2, .mark), [old], from: "A", at: sampleFetchTime)
        #expect(try accept(self.deduper(h2, .mark), [topic.same[2]], from: "B", at: sampleFetchTime + 3_600).nearDuplicates == 1)
    }

    @Test func articlesOutsideTheWindowLeaveTheIndex() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let deduper = deduper(h, .mark)
        _ = try accept(deduper, try [0, 1, 2].map { try Self.topic($0).same[0] }, from: "A")
        #expect(try h.store.nearDuplicateIndexCount() == 3)
        _ = try accept(deduper, [try Self.topic(5).same[0]], from: "A", at: sampleFetchTime + 73 * 3_600)
        #expect(try h.store.nearDuplicateIndexCount() == 1)
    }

    @Test func mergedAndUnmergedArticlesAreFoundAlikeAndSurviveReopening() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        // A level in memory of two articles: the first two originals are merged into near_bands
        // by the second's transaction, the third stays above the watermark.
        let storage = NearDuplicateStorage(mergeSize: 2)
        let topics = try [10, 11, 12].map(Self.topic)
        let first = Deduper(store: h.store, spool: h.spool, nearDuplicateStorage: storage)
        for (offset, topic) in topics.enumerated() {
            _ = try accept(first, [topic.same[0]], from: "A", at: sampleFetchTime + Double(offset))
        }
        for deduper in [first, Deduper(store: try StateStore(directory: h.dir.appending("state")), spool: h.spool,
                                       nearDuplicateStorage: storage)] {
            let stories = try deduper.store.nearDuplicateStories(
                topics.map { NearDuplicateLookup(fingerprint: deduper.fingerprinter.fingerprint(
                    Deduper.nearDuplicateText($0.same[1])), time: Int64(sampleFetchTime.timeIntervalSince1970) + 60) },
                settings: storage.settings)
            #expect(stories == topics.map { $0.same[0].contentHash })
            let others = try deduper.store.nearDuplicateStories(
                topics.map { NearDuplicateLookup(fingerprint: deduper.fingerprinter.fingerprint(
                    Deduper.nearDuplicateText($0.other)), time: Int64(sampleFetchTime.timeIntervalSince1970) + 60) },
                settings: storage.settings)
            #expect(others == [nil, nil, nil])
        }
    }

    @Test func theIndexSurvivesReopeningTheStore() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(6)
        _ = try accept(deduper(h, .mark), [topic.same[0]], from: "A")
        let reopened = try h.restarted()
        #expect(reopened.nearDuplicates == .mark)
        let outcome = try accept(reopened, [topic.same[1]], from: "B", at: sampleFetchTime + 7_200)
        #expect(outcome.nearDuplicates == 1)
        #expect(try h.json("new", outcome.files[0])["sameStoryAs"] as? String == topic.same[0].contentHash)
    }

    @Test func feedScopedSourcesAreNeitherComparedNorComparedWith() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(7)
        let deduper = deduper(h, .mark)
        _ = try accept(deduper, [topic.same[0]], from: "A", dedup: .feed)
        #expect(try accept(deduper, [topic.same[1]], from: "B").nearDuplicates == 0)
        #expect(try accept(deduper, [topic.same[2]], from: "C", dedup: .feed).nearDuplicates == 0)
    }

    @Test func anUpdateIsNotComparedAndAShortTextIsNotIndexed() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let topic = try Self.topic(8)
        let deduper = deduper(h, .mark)
        _ = try accept(deduper, [topic.same[0]], from: "A")
        // B's entry edited into a rewrite of A's story keeps its identity: an update, spooled as such.
        var edited = topic.same[1]
        edited.id = "b-1"
        _ = try accept(deduper, [makeEntry(id: "b-1", title: "Коротко", text: "Подробиці згодом.")], from: "B")
        let update = try accept(deduper, [edited], from: "B", at: sampleFetchTime + 600)
        #expect(update.updates == 1 && update.nearDuplicates == 0)
        #expect(try h.json("new", update.files[0])["sameStoryAs"] == nil)
        #expect(try h.store.nearDuplicateIndexCount() == 1)
    }
}
