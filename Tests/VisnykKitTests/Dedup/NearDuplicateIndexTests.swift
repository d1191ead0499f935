import Foundation
import Testing
@testable import VisnykKit

@Suite struct NearDuplicateIndexTests {
    static let story = """
        Львівський міський голова Андрій Садовий оголосив, що з 1 грудня у місті запрацює новий \
        трамвайний маршрут №10, який сполучить площу Різні з Сиховом. На лінію вийдуть шість нових \
        трамваїв «Електрон». Інтервал руху в години пік становитиме сім хвилин. Вартість проїзду \
        не зміниться і становитиме 15 гривень.
        """
    static let rewrite = """
        З 1 грудня у Львові запрацює новий трамвайний маршрут №10, який сполучить площу Різні з \
        Сиховом, повідомив міський голова Андрій Садовий. На лінію вийдуть шість нових трамваїв \
        «Електрон», інтервал руху в години пік — сім хвилин. Вартість проїзду залишиться такою ж.
        """
    static let otherStory = """
        Львівський міський голова Андрій Садовий оголосив, що цієї зими школи міста працюватимуть \
        в очному режимі навіть під час відключень світла. Усі 116 шкіл отримали генератори, а в \
        укриттях облаштували класи з освітленням та інтернетом.
        """
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func findsTheSameStoryInOtherWords() {
        var index = NearDuplicateIndex()
        let indexedStory = index.insert(id: "a", text: Self.story, time: Self.start)
        let indexedOther = index.insert(id: "b", text: Self.otherStory, time: Self.start)
        #expect(indexedStory && indexedOther)
        let found = index.matches(Self.rewrite, time: Self.start.addingTimeInterval(3600))
        #expect(found.map(\.id) == ["a"])
        #expect(found.first.map { $0.similarity >= index.settings.threshold } == true)
    }

    @Test func aStoryIsNotMatchedAcrossMoreThanTheWindow() {
        var index = NearDuplicateIndex()
        index.insert(id: "a", text: Self.story, time: Self.start)
        #expect(index.matches(Self.rewrite, time: Self.start.addingTimeInterval(72 * 3600)).count == 1)
        #expect(index.matches(Self.rewrite, time: Self.start.addingTimeInterval(72 * 3600 + 1)).isEmpty)
        // An article out of the window leaves the index once a newer one comes.
        index.insert(id: "b", text: Self.otherStory, time: Self.start.addingTimeInterval(73 * 3600))
        #expect(index.count == 1)
        #expect(index.matches(Self.story, time: Self.start).isEmpty)
    }

    @Test func extremeDatesNeitherTrapNorMatchAcrossTheWindow() {
        var index = NearDuplicateIndex()
        index.insert(id: "far future", text: Self.story, time: Date(timeIntervalSince1970: .greatestFiniteMagnitude))
        index.insert(id: "no date", text: Self.story, time: Date(timeIntervalSince1970: .nan))
        #expect(index.matches(Self.rewrite, time: Date(timeIntervalSince1970: -.infinity)).map(\.id) == ["no date"])
        #expect(index.matches(Self.rewrite, time: Self.start).isEmpty)
    }

    @Test func shortTextsAreNeitherIndexedNorMatched() {
        var index = NearDuplicateIndex()
        let indexed = index.insert(id: "photo", text: "Фото дня: Львів у снігу", time: Self.start)
        #expect(!indexed)
        #expect(index.count == 0)
        #expect(index.matches("Фото дня: Львів у снігу", time: Self.start).isEmpty)
    }

    @Test func theMostSimilarComesFirstAndTiesGoToTheEarlier() {
        var index = NearDuplicateIndex()
        index.insert(id: "rewrite", text: Self.rewrite, time: Self.start)
        index.insert(id: "copy", text: Self.story, time: Self.start.addingTimeInterval(60))
        index.insert(id: "earlier copy", text: Self.story, time: Self.start.addingTimeInterval(30))
        let found = index.matches(Self.story, time: Self.start.addingTimeInterval(90))
        #expect(found.map(\.id) == ["earlier copy", "copy", "rewrite"])
        #expect(found.first?.similarity == 1)
    }

    /// Thousands of articles in and out of the window: what is found is exactly what a scan
    /// of the articles in the window finds.
    @Test func manyArticlesThroughEvictionAgreeWithAScan() {
        var random = SeededRandom(seed: 7)
        let words = Self.story.split(separator: " ") + Self.otherStory.split(separator: " ")
        var index = NearDuplicateIndex()
        var texts: [(String, Date)] = []
        for number in 0..<4_000 {
            let text = (0..<30).map { _ in String(words.randomElement(using: &random)!) }.joined(separator: " ")
            let time = Self.start.addingTimeInterval(Double(number * 120))
            if number % 500 == 499 {
                let expected = texts.indices.filter { abs(texts[$0].1.timeIntervalSince(time)) <= 72 * 3600 &&
                    ShingleSet(text: texts[$0].0).jaccard(ShingleSet(text: text)) >= index.settings.threshold }
                let found = index.matches(text, time: time)
                // LSH may miss a pair; what it finds is always a real match in the window.
                #expect(Set(found.map(\.id)).isSubset(of: expected.map { "\($0)" }))
                #expect(found.allSatisfy { $0.similarity >= index.settings.threshold })
            }
            index.insert(id: "\(number)", text: text, time: time)
            texts.append((text, time))
        }
        #expect(index.count == 72 * 30 + 1)
    }
}
