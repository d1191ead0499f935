import Foundation
import Testing
@testable import VisnykKit

/// A story told by several sources in their own words (marked by the near-duplicate index, or
/// dropped with their sources as carriers) is shown once, with the others in "also in".
@Suite struct DigestNearDuplicateTests {
    static func story() throws -> [Entry] {
        try DeduperNearDuplicateTests.topic(9).same
    }

    @Test func aMarkedStoryIsShownOnceWithAlsoIn() throws {
        let d = try DigestHarness(sources: [makeSource("A"), makeSource("B"), makeSource("C")])
        defer { d.remove() }
        let versions = try Self.story()
        try d.accept([versions[0]], from: "A")
        #expect(try d.accept([versions[1]], from: "B", at: sampleFetchTime + 60).nearDuplicates == 1)
        #expect(try d.accept([versions[2]], from: "C", at: sampleFetchTime + 120).nearDuplicates == 1)
        let content = try d.collect(makeDigest())
        #expect(content.allArticles.count == 1)
        let shown = try #require(content.allArticles.first)
        #expect(shown.source == "A" && shown.alsoIn == ["B", "C"])
        #expect(content.queueRange == 1...3)
        let text = try DigestRenderer(subject: DigestConfig.Defaults.subject, htmlTemplatePath: nil, textTemplatePath: nil)
            .render(content).text
        #expect(text.contains("also in: B, C"))
    }

    @Test func theMarkedArticleShownFirstTakesTheEarlierOneIn() throws {
        // B comes first in the config: its rewrite is shown, with A's original in "also in".
        let d = try DigestHarness(sources: [makeSource("B"), makeSource("A")])
        defer { d.remove() }
        let versions = try Self.story()
        try d.accept([versions[0]], from: "A")
        try d.accept([versions[1]], from: "B", at: sampleFetchTime + 60)
        let content = try d.collect(makeDigest())
        #expect(content.allArticles.map(\.source) == ["B"])
        #expect(content.allArticles.first?.alsoIn == ["A"])
    }

    @Test func aDroppedRewritesSourceIsNamedInAlsoIn() throws {
        let d = try DigestHarness(sources: [makeSource("A"), makeSource("B")])
        defer { d.remove() }
        let versions = try Self.story()
        let dropping = Deduper(store: d.store, spool: d.h.spool, nearDuplicates: .drop)
        _ = try dropping.accept(makeFeed([versions[0]], title: "A"), from: ArticleSource(name: "A", dedup: .global),
                                fetchedAt: sampleFetchTime)
        _ = try dropping.accept(makeFeed([versions[1]], title: "B"), from: ArticleSource(name: "B", dedup: .global),
                                fetchedAt: sampleFetchTime + 60)
        let content = try d.collect(makeDigest())
        #expect(content.allArticles.map(\.source) == ["A"])
        #expect(content.allArticles.first?.alsoIn == ["B"])
    }
}
