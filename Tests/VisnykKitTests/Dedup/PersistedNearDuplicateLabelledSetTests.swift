import Foundation
import Testing
@testable import VisnykKit

/// The labelled set (Fixtures/neardup) through the Deduper and the near-duplicate index as the
/// daemon keeps it — in SQLite, with its bucket cap and candidate limit — after 1,500 unrelated
/// articles were spooled: each original from one source, its rewrites from two others, the
/// different story on the same topic from a fourth, an hour apart.
@Suite struct PersistedNearDuplicateLabelledSetTests {
    @Test func precisionAndRecallThroughTheStoredIndex() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let deduper = Deduper(store: h.store, spool: h.spool, nearDuplicates: .mark)
        var random = SeededRandom(seed: 20261129)
        let words = ["місто", "рада", "вулиця", "трамвай", "школа", "лікарня", "міст", "ремонт", "бюджет", "громада",
                     "вокзал", "парк", "музей", "театр", "дорога", "сесія", "депутат", "мер", "область", "район"]
        var background: [Entry] = []
        for number in 0..<1_500 {
            let text = (0..<60).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            background.append(makeEntry(id: "bg\(number)", title: "Новина \(number)", text: text))
        }
        for chunk in stride(from: 0, to: background.count, by: 100) {
            _ = try deduper.accept(makeFeed(Array(background[chunk..<chunk + 100])), from: ArticleSource(name: "Фон", dedup: .global),
                                   fetchedAt: sampleFetchTime)
        }
        let topics = try NearDuplicateLabelledSetTests.topics()
        var truePositives = 0, falseNegatives = 0, falsePositives = 0
        var time = sampleFetchTime
        for number in topics.indices {
            let topic = try DeduperNearDuplicateTests.topic(number)
            func marked(_ entry: Entry, from source: String) throws -> Bool {
                time = time.addingTimeInterval(3600 / Double(topics.count))
                let outcome = try deduper.accept(makeFeed([entry]), from: ArticleSource(name: source, dedup: .global), fetchedAt: time)
                return outcome.nearDuplicates == 1
            }
            _ = try marked(topic.same[0], from: "A")
            for (index, rewrite) in topic.same.dropFirst().enumerated() {
                if try marked(rewrite, from: index == 0 ? "B" : "C") { truePositives += 1 } else { falseNegatives += 1 }
            }
            if try marked(topic.other, from: "D") { falsePositives += 1 }
        }
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        print("near-duplicates through the stored index after 1,500 others: recall \(recall) (\(truePositives) of \(truePositives + falseNegatives) rewrites), \(falsePositives) different stories marked")
        #expect(falsePositives == 0)
        #expect(recall >= 0.9)
    }
}
