import Foundation
import GRDB
import Testing
@testable import VisnykKit

@Suite struct DigestQueueTests {
    let story = makeEntry(id: "a-1", title: "Міст через Полтву відкрили", text: "Після двох років ремонту міст через Полтву знову відкрили для руху.")
    let other = makeEntry(id: "a-2", title: "Трамвай змінює маршрут", text: "З понеділка трамвай курсуватиме через вулицю Городоцьку до вокзалу.")

    @Test func newArticlesAreQueuedWithWhatADigestShows() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        var dated = story
        dated.published = Date(timeIntervalSince1970: 1_794_990_000)
        var updatedOnly = other
        updatedOnly.updated = Date(timeIntervalSince1970: 1_794_980_000)
        let outcome = try h.deduper.accept(makeFeed([dated, updatedOnly]), from: ArticleSource(name: "Leopolis.news", dedup: .global),
                                           fetchedAt: sampleFetchTime)
        let queued = try h.store.queuedArticles(after: 0)
        #expect(queued.map(\.spoolFile) == outcome.files)
        #expect(queued.map(\.seq) == [1, 2])
        #expect(queued.map(\.title) == ["Міст через Полтву відкрили", "Трамвай змінює маршрут"])
        #expect(queued.map(\.link) == ["https://example.org/a-1", "https://example.org/a-2"])
        #expect(queued.map(\.contentHash) == [story.contentHash, other.contentHash])
        #expect(queued.map(\.published) == [dated.published, updatedOnly.updated])
        #expect(queued.allSatisfy { $0.source == "Leopolis.news" && $0.spooledAt == sampleFetchTime })
        #expect(try h.store.latestQueueSeq() == 2)
        #expect(try h.store.queuedArticles(after: 1).map(\.seq) == [2])
    }

    @Test func duplicatesCarriersAndUpdatesAreNotQueued() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let source = ArticleSource(name: "Leopolis.news", dedup: .global)
        _ = try h.deduper.accept(makeFeed([story]), from: source, fetchedAt: sampleFetchTime)
        var copy = story
        copy.id = "b-9"
        _ = try h.deduper.accept(makeFeed([copy]), from: ArticleSource(name: "B", dedup: .global), fetchedAt: sampleFetchTime + 60)
        _ = try h.deduper.accept(makeFeed([story]), from: source, fetchedAt: sampleFetchTime + 120)
        var edited = makeEntry(id: "a-1", title: story.title!, text: story.text + " Оновлено о 12:00.")
        edited.link = story.link
        let edit = try h.deduper.accept(makeFeed([edited]), from: source, fetchedAt: sampleFetchTime + 180)
        #expect(edit.updates == 1 && edit.files.count == 1)
        #expect(try h.store.queuedArticles(after: 0).map(\.spoolFile) == [h.files("new").first { !edit.files.contains($0) }])
        #expect(try h.store.latestQueueSeq() == 1)
    }

    @Test func aRecordThatLosesTheRaceIsNotQueued() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let key = SeenKey(scope: "", hash: try #require(ContentHash.digestBytes(story.contentHash)))
        let first = SpoolRecord(query: SeenQuery(key: key, source: "A", entryID: "a-1"), fileName: "1.a.host.json",
                                queueItem: QueueItem(story))
        let second = SpoolRecord(query: SeenQuery(key: key, source: "B", entryID: "b-1"), fileName: "2.b.host.json",
                                 queueItem: QueueItem(story))
        #expect(try h.store.record([first], sightings: [], at: sampleFetchTime) == [true])
        #expect(try h.store.record([second], sightings: [], at: sampleFetchTime) == [false])
        #expect(try h.store.queuedArticles(after: 0).map(\.spoolFile) == ["1.a.host.json"])
    }

    @Test func hostileLengthsAreCutOrDroppedBeforeQueueing() {
        var entry = story
        entry.title = String(repeating: "Ї", count: 5_000)
        entry.link = "https://example.org/" + String(repeating: "a", count: 5_000)
        let item = QueueItem(entry)
        #expect(item.title?.count == QueueItem.maxTitleCharacters)
        #expect(item.link == nil)
    }

    @Test func pruningKeepsTheSeqsIncreasingAndTheStartingCursorFollowsTime() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let day: TimeInterval = 86_400
        let source = ArticleSource(name: "A", dedup: .global)
        let third = makeEntry(id: "a-3", title: "Ринок Львова оновлять", text: "Площа Ринок отримає нову бруківку та освітлення до кінця року.")
        #expect(try h.store.lastQueueSeq(spooledBefore: sampleFetchTime) == 0)
        _ = try h.deduper.accept(makeFeed([story]), from: source, fetchedAt: sampleFetchTime)
        _ = try h.deduper.accept(makeFeed([other]), from: source, fetchedAt: sampleFetchTime + 10 * day)
        #expect(try h.store.lastQueueSeq(spooledBefore: sampleFetchTime) == 0)
        #expect(try h.store.lastQueueSeq(spooledBefore: sampleFetchTime + day) == 1)
        #expect(try h.store.lastQueueSeq(spooledBefore: sampleFetchTime + 20 * day) == 2)

        #expect(try h.store.pruneDigestQueue(before: sampleFetchTime + day) == 1)
        #expect(try h.store.queuedArticles(after: 0).map(\.seq) == [2])
        #expect(try h.store.lastQueueSeq(spooledBefore: sampleFetchTime + day) == 1)
        #expect(try h.store.pruneDigestQueue(before: sampleFetchTime + 20 * day) == 1)
        #expect(try h.store.queuedArticles(after: 0).isEmpty)
        // Empty, but the seqs already given out are never given again.
        #expect(try h.store.latestQueueSeq() == 2)
        #expect(try h.store.lastQueueSeq(spooledBefore: sampleFetchTime + 30 * day) == 2)
        _ = try h.deduper.accept(makeFeed([third]), from: source, fetchedAt: sampleFetchTime + 21 * day)
        #expect(try h.store.queuedArticles(after: 2).map(\.seq) == [3])
    }
}
