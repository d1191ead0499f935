import Foundation
import GRDB
import Testing
@testable import VisnykKit

@Suite struct BoilerplateStoreTests {
    @Test func theLearnerSurvivesAReopenedDatabase() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var learner = BoilerplateLearner()
        learner.observe(Array(BoilerplateArticles.entries().prefix(6)))
        #expect(!learner.learned.isEmpty)
        do {
            let store = try StateStore(directory: dir.path)
            #expect(try store.boilerplateLearner(forSource: "leopolis") == BoilerplateLearner())
            try store.save(learner, forSource: "leopolis")
        }
        let reopened = try StateStore(directory: dir.path)
        var loaded = try reopened.boilerplateLearner(forSource: "leopolis")
        #expect(loaded == learner)
        #expect(loaded.learned.prefixes == ["наступна публікація", "попередня публікація"])
        // The entries already observed stay observed after the restart.
        #expect(loaded.observe(Array(BoilerplateArticles.entries().prefix(6))) == 0)
        #expect(try reopened.boilerplateLearner(forSource: "another") == BoilerplateLearner())
    }

    @Test func aDamagedWindowStartsAfresh() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path)
        var learner = BoilerplateLearner()
        learner.observe(BoilerplateArticles.entries())
        try store.save(learner, forSource: "leopolis")
        try store.write { db in
            try db.execute(sql: "UPDATE boilerplate SET samples = x'00010203'")
        }
        #expect(try store.boilerplateLearner(forSource: "leopolis") == BoilerplateLearner())
    }

    @Test func removingASourceForgetsWhatWasLearned() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path)
        var learner = BoilerplateLearner()
        learner.observe(BoilerplateArticles.entries())
        try store.save(learner, forSource: "leopolis")
        try store.removeBoilerplate(forSource: "leopolis")
        #expect(try store.boilerplateLearner(forSource: "leopolis") == BoilerplateLearner())
    }
}
