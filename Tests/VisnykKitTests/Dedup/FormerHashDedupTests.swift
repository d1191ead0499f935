import Foundation
import GRDB
import Testing
@testable import VisnykKit

/// An article recorded before its source's boilerplate was learned stays a duplicate after.
@Suite struct FormerHashDedupTests {
    private let source = ArticleSource(name: "leopolis", dedup: .global)

    private func learned() -> LearnedBoilerplate {
        var learner = BoilerplateLearner()
        learner.observe(Array(BoilerplateArticles.entries().prefix(5)))
        return learner.learned
    }

    @Test func anArticleRecordedBeforeLearningIsStillADuplicate() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        // Recorded with its boilerplate, as parsed.
        let old = BoilerplateArticles.entry(7)
        #expect(try h.deduper.accept(makeFeed([old]), from: source, fetchedAt: sampleFetchTime).new == 1)

        let learned = learned()
        var cleaned = old
        learned.clean(&cleaned)
        #expect(cleaned.contentHash != old.contentHash)
        #expect(cleaned.formerContentHash == old.contentHash)
        let later = sampleFetchTime.addingTimeInterval(3600)
        let again = try h.deduper.accept(makeFeed([cleaned]), from: source, fetchedAt: later)
        #expect(again.new == 0 && again.updates == 0 && again.duplicates == 1)

        // Then its neighbour changes: neither hash was recorded, the alias of the cleaned one was.
        var moved = BoilerplateArticles.entry(7, next: "Зовсім інша наступна публікація")
        learned.clean(&moved)
        #expect(moved.contentHash == cleaned.contentHash)
        #expect(moved.formerContentHash != old.contentHash)
        let third = try h.deduper.accept(makeFeed([moved]), from: source, fetchedAt: later.addingTimeInterval(3600))
        #expect(third.new == 0 && third.updates == 0 && third.duplicates == 1)
        #expect(h.files("new").count == 1)

        // Another source carrying the cleaned article is a carrier of the recorded one.
        let other = ArticleSource(name: "mirror", dedup: .global)
        #expect(try h.deduper.accept(makeFeed([moved]), from: other, fetchedAt: later).duplicates == 1)
        #expect(try h.store.carriers(ofHash: old.contentHash) == ["mirror"])
    }

    @Test func aNewArticleIsRecordedUnderItsCleanedHash() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        var entry = BoilerplateArticles.entry(8)
        learned().clean(&entry)
        #expect(try h.deduper.accept(makeFeed([entry]), from: source, fetchedAt: sampleFetchTime).new == 1)
        let name = try #require(h.files("new").first)
        #expect(try h.json("new", name)["contentHash"] as? String == entry.contentHash)
        #expect(try h.json("new", name)["formerContentHash"] == nil)
    }

    @Test func aliasesAreForgottenWithTheirArticle() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let old = BoilerplateArticles.entry(3)
        _ = try h.deduper.accept(makeFeed([old]), from: source, fetchedAt: sampleFetchTime)
        var cleaned = old
        learned().clean(&cleaned)
        _ = try h.deduper.accept(makeFeed([cleaned]), from: source, fetchedAt: sampleFetchTime)
        let aliases = { try h.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM seen_aliases") ?? 0 } }
        #expect(try aliases() == 1)
        #expect(try h.store.pruneSeen(before: sampleFetchTime.addingTimeInterval(1)) == 1)
        #expect(try aliases() == 0)
    }
}
