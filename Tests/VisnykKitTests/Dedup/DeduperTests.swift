import Foundation
import GRDB
import Testing
@testable import VisnykKit

@Suite struct DeduperTests {
    let story = makeEntry(id: "a-1", title: "Міст через Полтву відкрили", text: "Після двох років ремонту міст через Полтву знову відкрили для руху.")
    let other = makeEntry(id: "a-2", title: "Трамвай змінює маршрут", text: "З понеділка трамвай курсуватиме через вулицю Городоцьку до вокзалу.")

    @Test func newEntriesAreSpooledAsWholeFilesInNew() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let outcome = try h.deduper.accept(makeFeed([story, other]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime)
        #expect(outcome.new == 2 && outcome.updates == 0 && outcome.duplicates == 0)
        #expect(outcome.files.sorted() == h.files("new"))
        #expect(h.files("tmp").isEmpty && h.files("cur").isEmpty)
        #expect(try h.store.seenCount() == 2)
        let name = outcome.files[0]
        #expect(name == "1795000000.\(story.contentHash.dropFirst(7).prefix(16)).test.host.json")
        let object = try h.json("new", name)
        #expect(object["id"] as? String == "a-1")
        #expect(object["contentHash"] as? String == story.contentHash)
        #expect(object["fetchedAt"] as? String == "2026-11-18T11:06:40Z")
        #expect((object["feed"] as? [String: Any])?["source"] as? String == "A")
        #expect(object["updates"] == nil)
        try h.expectNewIsWholeAndUnique()
    }

    @Test func sameArticleFromTwoSourcesIsSpooledOnceAndTheSecondIsACarrier() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let first = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime)
        var copy = story
        copy.id = "b-9"
        copy.link = "https://b.example.org/9"
        let second = try h.deduper.accept(makeFeed([copy, other], title: "B"), from: ArticleSource(name: "B", dedup: .global), fetchedAt: sampleFetchTime + 60)
        #expect(first.new == 1)
        #expect(second.new == 1 && second.duplicates == 1)
        #expect(h.files("new").count == 2)
        #expect(try h.store.carriers(ofHash: story.contentHash) == ["B"])
        // Polled again within a day, both sources find only duplicates and change nothing.
        let observer = try DatabaseQueue(path: h.store.path)
        let version = try observer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        let repeated = try h.deduper.accept(makeFeed([copy, other], title: "B"), from: ArticleSource(name: "B", dedup: .global), fetchedAt: sampleFetchTime + 90)
        _ = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime + 90)
        #expect(repeated == AcceptOutcome(duplicates: 2))
        #expect(try observer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") } == version)
        // A sighting by the source that spooled it is no carrier.
        _ = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime + 120)
        #expect(try h.store.carriers(ofHash: story.contentHash) == ["B"])
    }

    @Test func whitespaceMarkupAndApostropheVariantsOfTwoFeedsGiveOneFile() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let rss = try ParseFixture.parse("dedup/variant-rss.xml")
        let atom = try ParseFixture.parse("dedup/variant-atom.xml")
        try #require(rss.entries.count == 2 && atom.entries.count == 1)
        #expect(rss.entries[0].text != atom.entries[0].text)
        #expect(rss.entries[0].contentHash == atom.entries[0].contentHash)
        let a = try h.deduper.accept(rss, from: ArticleSource(name: "Leopolis.news", dedup: .global), fetchedAt: sampleFetchTime)
        let b = try h.deduper.accept(atom, from: ArticleSource(name: "Lviv", dedup: .global), fetchedAt: sampleFetchTime)
        #expect(a.new == 2)
        #expect(b.new == 0 && b.duplicates == 1 && b.files.isEmpty)
        #expect(h.files("new").count == 2)
        #expect(try h.store.carriers(ofHash: atom.entries[0].contentHash) == ["Lviv"])
    }

    @Test func editedEntryIsSpooledAgainAsAnUpdate() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let source = ArticleSource(name: "Leopolis.news", dedup: .global)
        let v1 = try ParseFixture.parse("dedup/edited-v1.xml")
        let v2 = try ParseFixture.parse("dedup/edited-v2.xml")
        try #require(v1.entries[0].id == v2.entries[0].id && v1.entries[0].contentHash != v2.entries[0].contentHash)
        let first = try h.deduper.accept(v1, from: source, fetchedAt: sampleFetchTime)
        let again = try h.deduper.accept(v1, from: source, fetchedAt: sampleFetchTime + 60)
        let edit = try h.deduper.accept(v2, from: source, fetchedAt: sampleFetchTime + 120)
        #expect(first.new == 1 && again.duplicates == 1 && again.files.isEmpty)
        #expect(edit.new == 0 && edit.updates == 1 && edit.files.count == 1)
        let update = try h.json("new", edit.files[0])
        #expect(update["updates"] as? String == v1.entries[0].contentHash)
        #expect(update["contentHash"] as? String == v2.entries[0].contentHash)
        // The edit is now the identity's hash: polled again, nothing new.
        let later = try h.deduper.accept(v2, from: source, fetchedAt: sampleFetchTime + 180)
        #expect(later == AcceptOutcome(duplicates: 1))
        #expect(h.files("new").count == 2)
    }

    @Test func feedScopeSpoolsTheSameArticleOncePerSource() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let a = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "A", dedup: .feed), fetchedAt: sampleFetchTime)
        let b = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "B", dedup: .feed), fetchedAt: sampleFetchTime)
        let global = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "C", dedup: .global), fetchedAt: sampleFetchTime)
        let aAgain = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "A", dedup: .feed), fetchedAt: sampleFetchTime)
        #expect(a.new == 1 && b.new == 1 && global.new == 1)
        #expect(aAgain == AcceptOutcome(duplicates: 1))
        // Three copies in the same second: three distinct names, all of this article.
        let names = h.files("new")
        #expect(names.count == 3 && Set(names).count == 3)
        for name in names { #expect(try h.json("new", name)["contentHash"] as? String == story.contentHash) }
        #expect(try h.store.carriers(ofHash: story.contentHash, scope: "A").isEmpty)
    }

    @Test func theSameHashTwiceInOneFeedCountsOnce() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        var twin = story
        twin.id = "a-1-copy"
        let outcome = try h.deduper.accept(makeFeed([story, twin, other]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime)
        #expect(outcome.new == 2 && outcome.duplicates == 0)
        #expect(h.files("new").count == 2)
    }

    @Test func racingPollsOfTheSameArticleSpoolItOnce() async throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let deduper = h.deduper
        let stories = (0..<20).map { makeEntry(id: "r-\($0)", title: "Новина \($0)", text: "Текст новини номер \($0), достатньо довгий для хешу.") }
        let outcomes = try await withThrowingTaskGroup(of: AcceptOutcome.self) { group in
            for source in ["A", "B", "C", "D"] {
                group.addTask {
                    try deduper.accept(makeFeed(stories), from: ArticleSource(name: source, dedup: .global), fetchedAt: sampleFetchTime)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.map(\.new).reduce(0, +) == 20)
        #expect(outcomes.map(\.duplicates).reduce(0, +) == 60)
        #expect(h.files("new").count == 20 && h.files("tmp").isEmpty)
        try h.expectNewIsWholeAndUnique()
    }

    @Test func malformedHashIsAnErrorNamingTheEntry() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        var bad = story
        bad.contentHash = "md5:1234"
        #expect(throws: DedupError.self) {
            try h.deduper.accept(makeFeed([bad]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime)
        }
        #expect(h.files("new").isEmpty && h.files("tmp").isEmpty)
    }

    @Test func pruneForgetsArticlesGoneFromEveryFeedWithTheirCarriersAndIdentities() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let day: TimeInterval = 86_400
        let start = sampleFetchTime
        _ = try h.deduper.accept(makeFeed([story, other]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: start)
        _ = try h.deduper.accept(makeFeed([story]), from: ArticleSource(name: "B", dedup: .global), fetchedAt: start)
        // `other` stays in A's feed and is seen again 50 days later; `story` is gone.
        _ = try h.deduper.accept(makeFeed([other]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: start + 50 * day)
        let pruned = try h.store.pruneSeen(before: start + 10 * day)
        #expect(pruned == 1)
        #expect(try h.store.seenCount() == 1)
        #expect(try h.store.carriers(ofHash: story.contentHash).isEmpty)
        let identities = try h.store.pool.read { db in try String.fetchAll(db, sql: "SELECT entryID FROM entries ORDER BY entryID") }
        #expect(identities == ["a-2"])
        // Still in the feed: not spooled again. Pruned and back: spooled again, as new.
        let later = try h.deduper.accept(makeFeed([story, other]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: start + 51 * day)
        #expect(later.new == 1 && later.duplicates == 1 && later.updates == 0)
    }
}
