import Foundation
import Testing
@testable import VisnykKit

@Suite struct BoilerplateLearnerTests {
    /// The non-blank lines of a text, trimmed.
    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func learner(after count: Int, titleOnOwnLine: Bool = false) -> BoilerplateLearner {
        var learner = BoilerplateLearner()
        learner.observe(Array(BoilerplateArticles.entries(titleOnOwnLine: titleOnOwnLine).prefix(count)))
        return learner
    }

    /// The Done-when: after five articles every boilerplate line is gone from all ten,
    /// the same article with another "Наступна публікація" hashes the same, and every body line stays.
    @Test(arguments: [false, true]) func afterFiveArticlesEveryBoilerplateLineGoesAndTheBodyStays(titleOnOwnLine: Bool) {
        let learned = learner(after: 5, titleOnOwnLine: titleOnOwnLine).learned
        for index in BoilerplateArticles.titles.indices {
            var entry = BoilerplateArticles.entry(index, titleOnOwnLine: titleOnOwnLine)
            learned.clean(&entry)
            #expect(lines(entry.text) == BoilerplateArticles.bodies[index], "article \(index): \(entry.text)")
            #expect(entry.formerContentHash != nil)

            var again = BoilerplateArticles.entry(index, next: "Новий заголовок сусідньої статті про погоду у Львові",
                                                  titleOnOwnLine: titleOnOwnLine)
            #expect(again.contentHash != BoilerplateArticles.entry(index, titleOnOwnLine: titleOnOwnLine).contentHash)
            learned.clean(&again)
            #expect(again.contentHash == entry.contentHash, "article \(index) hashes differently with another neighbour")
        }
    }

    @Test func learnsTheSeedBoilerplateAsLinesAndNeighbourTitlesAsPrefixes() {
        let learned = learner(after: 5).learned
        #expect(learned.lines.contains("не пропустіть важливе!"))
        #expect(learned.lines.contains("читайте нас на телеграм каналі https://t.me/leopolisnews"))
        #expect(learned.prefixes == ["наступна публікація", "попередня публікація"])
        // No body opening became a prefix, though most articles start a line with it.
        #expect(!learned.prefixes.contains { $0.hasPrefix("про це") || $0.hasPrefix("за словами") })
    }

    @Test func aTitleOnItsOwnLineIsLearnedAsAHeading() {
        let learned = learner(after: 5, titleOnOwnLine: true).learned
        #expect(learned.headings == ["наступна публікація", "попередня публікація"])
        #expect(learned.prefixes.isEmpty)
    }

    @Test func fewerThanFiveEntriesTeachNothing() {
        var learner = learner(after: 4)
        #expect(learner.entriesInWindow == 4)
        #expect(learner.learned.isEmpty)
        let text = BoilerplateArticles.text(0)
        #expect(learner.learned.removeLines(from: text) == text)
        learner.observe([BoilerplateArticles.entry(5)])
        #expect(!learner.learned.isEmpty)
    }

    @Test func eachEntryIsObservedOnce() {
        var learner = learner(after: 5)
        #expect(learner.observe(Array(BoilerplateArticles.entries().prefix(5))) == 0)
        #expect(learner.entriesInWindow == 5)
        #expect(learner.observe(BoilerplateArticles.entries()) == 5)
        #expect(learner.entriesInWindow == 10)
    }

    /// Body lines that open the same way in every article, with or without a sentence's end,
    /// are never learned when what follows varies as prose does.
    @Test func newsOpeningsAreNeverLearned() {
        let agencies = ["пресслужба Львівської ОВА", "Суспільне Львів", "пресслужба міської ради", "ДСНС України",
                        "Укрзалізниця", "поліція Львівщини", "пресслужба університету", "Нацбанк"]
        var learner = BoilerplateLearner()
        for (index, agency) in agencies.enumerated() {
            let text = ["Подія номер \(index) сталася вранці на околиці міста.",
                        "Про це повідомляє \(agency).",
                        "За словами \(agency), постраждалих немає.",
                        "Як повідомляє \(agency), рух відновили."].joined(separator: "\n")
            learner.observe(id: "entry-\(index)", text: text)
        }
        #expect(learner.learned.isEmpty, "learned \(learner.learned)")
    }

    @Test func aPrefixNeedsAVaryingRest() {
        // The same full line in every entry is learned as a line, not as its prefixes.
        var learner = BoilerplateLearner()
        for index in 0..<6 {
            learner.observe(id: "e\(index)", text: "Стаття \(index) про місто.\nЧитайте також: Головні новини дня")
        }
        #expect(learner.learned.lines == ["читайте також: головні новини дня"])
        #expect(learner.learned.prefixes.isEmpty)
    }

    @Test func theShorterPrefixIsKeptWhenItCoversMore() {
        let kept = BoilerplateLearner.keepingLongest([("наступна публікація", 10), ("наступна публікація у", 7),
                                                      ("читайте також", 8), ("читайте також на", 8)])
        #expect(Set(kept) == ["наступна публікація", "читайте також на"])
    }

    @Test func removalMatchesPrefixesAtWordBoundariesOnly() {
        let learned = LearnedBoilerplate(lines: [], prefixes: ["читайте також:"], headings: [])
        let text = "Читайте також: нове\nЧитайте також:\nЧитайте також:нове.\nЧитайте тактику бою."
        #expect(learned.removeLines(from: text) == "Читайте також:нове.\nЧитайте тактику бою.")
    }

    @Test func aHeadingNeverTakesASentenceWithIt() {
        let learned = LearnedBoilerplate(lines: ["фото"], prefixes: [], headings: ["фото"])
        #expect(learned.removeLines(from: "Фото\nІван Петренко\nТекст.") == "Текст.")
        #expect(learned.removeLines(from: "Фото\nЦе речення лишається.") == "Це речення лишається.")
        #expect(learned.removeLines(from: "Фото\nЧи лишиться заголовок?\nТекст.") == "Текст.")
    }

    @Test func theWindowSurvivesEncodingAndRejectsDamage() {
        var learner = BoilerplateLearner()
        learner.observe(BoilerplateArticles.entries())
        let bytes = learner.window.encoded
        #expect(BoilerplateWindow(encoded: bytes) == learner.window)
        #expect(BoilerplateWindow(encoded: Array(bytes.dropLast())) == nil)
        #expect(BoilerplateWindow(encoded: Array("VBW1".utf8) + [UInt8](repeating: 0xFF, count: 8)) == nil)
        #expect(BoilerplateWindow(encoded: []) == nil)
    }

    @Test func theWindowKeepsTheLastFiftyEntries() {
        var learner = BoilerplateLearner()
        for index in 0..<80 {
            learner.observe(id: "e\(index)", text: "Рядок \(index).\nПідписуйтесь на нас")
        }
        #expect(learner.entriesInWindow == 50)
        #expect(learner.learned.lines == ["підписуйтесь на нас"])
        // An entry that left the window is still known, so a long feed does not churn it.
        #expect(learner.observe(id: "e10", text: "Рядок 10.\nПідписуйтесь на нас") == false)
    }
}
