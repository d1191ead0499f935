import Foundation
import Testing
@testable import VisnykKit

/// Filtered articles and learned boilerplate in PostgreSQL: what the SQLite store keeps of them.
@Suite struct PostgresFilteredBoilerplateTests {
    private func freshStore() throws -> (PostgresStateStore, StateConfig) {
        let config = try TestPostgresServer.shared().freshDatabase()
        return (try PostgresStateStore(config: config, password: nil), config)
    }

    @Test func filteredArticlesAreRememberedPerSource() throws {
        let (store, config) = try freshStore()
        let kept = Data(repeating: 1, count: 32)
        let dropped = Data(repeating: 2, count: 32)
        let again = Data(repeating: 3, count: 32)
        #expect(try !store.hasFiltered(source: "A"))
        #expect(try store.filteredHashes(among: [dropped], source: "A").isEmpty)
        try store.recordFiltered([(dropped, "a-2"), (again, "a-3"), (dropped, "a-2")], source: "A", at: sampleFetchTime)
        #expect(try store.hasFiltered(source: "A"))
        #expect(try !store.hasFiltered(source: "B"))
        #expect(try store.filteredHashes(among: [kept, dropped, again], source: "A") == [dropped, again])
        #expect(try store.filteredHashes(among: [dropped], source: "B").isEmpty)
        #expect(try store.filteredHashes(among: [], source: "A").isEmpty)
        #expect(try store.filteredCount(source: "A") == 2)
        #expect(try store.filteredCount(source: "B") == 0)
        #expect(try store.seenCount() == 2)
        #expect(try store.nearDuplicateIndexCount() == 0)
        // A scope of their own, with a spool name no file can have.
        let rows = try TestPostgresServer.shared().sql(
            "SELECT scope = E'filtered\\x1FA', spoolFile, firstSeen, lastSeen FROM seen ORDER BY entryID", in: config)
        #expect(rows == """
            t|filtered/A/\(ContentHash.string(digestBytes: dropped))|1795000000|1795000000
            t|filtered/A/\(ContentHash.string(digestBytes: again))|1795000000|1795000000
            """)
    }

    @Test func aKnownFilteredArticleIsTouchedAtMostDaily() throws {
        let (store, config) = try freshStore()
        let hash = Data(repeating: 9, count: 32)
        try store.recordFiltered([(hash, "a-1")], source: "A", at: sampleFetchTime)
        try store.recordFiltered([(hash, "a-1")], source: "A", at: sampleFetchTime + 3_600)
        let server = try TestPostgresServer.shared()
        #expect(try server.sql("SELECT firstSeen, lastSeen FROM seen", in: config) == "1795000000|1795000000")
        try store.recordFiltered([(hash, "a-1")], source: "A", at: sampleFetchTime + 86_400)
        #expect(try server.sql("SELECT firstSeen, lastSeen FROM seen", in: config) == "1795000000|1795086400")
        #expect(try store.filteredCount(source: "A") == 1)
    }

    @Test func theLearnerSurvivesAnotherConnection() throws {
        let (store, config) = try freshStore()
        var learner = BoilerplateLearner()
        learner.observe(Array(BoilerplateArticles.entries().prefix(6)))
        #expect(!learner.learned.isEmpty)
        #expect(try store.boilerplateLearner(forSource: "leopolis") == BoilerplateLearner())
        try store.save(learner, forSource: "leopolis")
        let reopened = try PostgresStateStore(config: config, password: nil)
        var loaded = try reopened.boilerplateLearner(forSource: "leopolis")
        #expect(loaded == learner)
        #expect(loaded.learned.prefixes == ["наступна публікація", "попередня публікація"])
        #expect(loaded.observe(Array(BoilerplateArticles.entries().prefix(6))) == 0)
        #expect(try reopened.boilerplateLearner(forSource: "another") == BoilerplateLearner())
        // Saved again: replaced, not added.
        learner.observe(BoilerplateArticles.entries())
        try reopened.save(learner, forSource: "leopolis")
        #expect(try store.boilerplateLearner(forSource: "leopolis") == learner)
    }

    @Test func aDamagedWindowStartsAfresh() throws {
        let (store, config) = try freshStore()
        var learner = BoilerplateLearner()
        learner.observe(BoilerplateArticles.entries())
        try store.save(learner, forSource: "leopolis")
        try TestPostgresServer.shared().sql("UPDATE boilerplate SET samples = '\\x00010203'", in: config)
        #expect(try store.boilerplateLearner(forSource: "leopolis") == BoilerplateLearner())
    }

    @Test func removingASourceForgetsWhatWasLearned() throws {
        let (store, _) = try freshStore()
        var learner = BoilerplateLearner()
        learner.observe(BoilerplateArticles.entries())
        try store.save(learner, forSource: "leopolis")
        try store.save(learner, forSource: "other")
        try store.removeBoilerplate(forSource: "leopolis")
        #expect(try store.boilerplateLearner(forSource: "leopolis") == BoilerplateLearner())
        #expect(try store.boilerplateLearner(forSource: "other") == learner)
    }
}
