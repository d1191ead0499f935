import Foundation
import Testing
@testable import VisnykKit

/// Aliases in PostgreSQL behave as in SQLite (FormerHashDedupTests): a hash naming a recorded
/// article, never an article of its own, forgotten with its article.
@Suite struct PostgresAliasTests {
    typealias H = PostgresSeenHarness
    let recordedArticle = makeEntry(id: "a-1", title: "Міст через Полтву відкрили", text: "Після двох років ремонту міст через Полтву знову відкрили для руху.")
    let cleaned = makeEntry(id: "a-1", title: "Міст через Полтву відкрили", text: "Після двох років ремонту міст відкрили.")
    let moved = makeEntry(id: "a-1", title: "Міст через Полтву відкрили", text: "Після ремонту міст відкрили.")
    let unrelated = makeEntry(id: "a-2", title: "Трамвай змінює маршрут", text: "З понеділка трамвай курсуватиме через вулицю Городоцьку до вокзалу.")

    @Test func anAliasNamesARecordedArticleAndNeverAnArticleOfItsOwn() throws {
        let h = try PostgresSeenHarness()
        let store = h.store
        _ = try store.record([H.spooled(recordedArticle, source: "A", file: "1.a.host.json"),
                              H.spooled(unrelated, source: "A", file: "2.a.host.json")], sightings: [], at: sampleFetchTime)
        let target = try H.key(recordedArticle).hash
        let forgotten = try H.key(moved, scope: "A").hash
        try store.recordAliases([
            (alias: try H.key(cleaned), target: target),
            // Recorded as an article of its own: not an alias.
            (alias: try H.key(unrelated), target: target),
            // Its target is not recorded (in this scope): skipped.
            (alias: try H.key(moved, scope: "A"), target: forgotten),
            // A second alias of the same hash: the first stays.
            (alias: try H.key(cleaned), target: try H.key(unrelated).hash),
        ])
        let targets = try store.aliasTargets(of: [H.key(moved), H.key(cleaned), H.key(unrelated), H.key(moved, scope: "A")])
        #expect(targets == [nil, target, nil, nil])
        #expect(try store.aliasTargets(of: []).isEmpty)
        try store.recordAliases([])
    }

    @Test func aliasesAreForgottenWithTheirArticle() throws {
        let h = try PostgresSeenHarness()
        let store = h.store
        _ = try store.record([H.spooled(recordedArticle, source: "A", file: "1.a.host.json")], sightings: [], at: sampleFetchTime)
        try store.recordAliases([(alias: try H.key(cleaned), target: try H.key(recordedArticle).hash)])
        #expect(try h.sql("SELECT count(*) FROM seen_aliases") == "1")
        #expect(try store.pruneSeen(before: sampleFetchTime.addingTimeInterval(1)) == 1)
        #expect(try h.sql("SELECT count(*) FROM seen_aliases") == "0")
        #expect(try store.aliasTargets(of: [H.key(cleaned)]) == [nil])
    }
}
