import Foundation
import Testing
@testable import VisnykKit

@Suite struct DigestExcerptTests {
    let longText = """
        Львівська міська рада ухвалила програму ремонту доріг на наступний рік.
        До переліку увійшли вулиці Городоцька, Личаківська та Стрийська, а також кілька мостів через Полтву.
        """

    @Test func excerptsComeFromJSONSpoolFilesCutAtAWordBoundary() throws {
        let d = try DigestHarness(sources: [makeSource("A")])
        defer { d.remove() }
        try d.accept([makeDatedEntry("a-1", title: "Ремонт доріг", text: longText)], from: "A")
        let excerpt = try #require(try d.collect(makeDigest(excerptLength: 60)).allArticles.first?.excerpt)
        #expect(excerpt == "Львівська міська рада ухвалила програму ремонту доріг на…")
        #expect(excerpt.count <= 60)
        let whole = try #require(try d.collect(makeDigest(excerptLength: 1_000)).allArticles.first?.excerpt)
        #expect(whole == longText.replacingOccurrences(of: "\n", with: " "))
        #expect(try d.collect(makeDigest(excerptLength: 0)).allArticles.first?.excerpt == "")
    }

    @Test func excerptsComeFromEMLSpoolFilesWithoutRepeatingTheTitle() throws {
        let d = try DigestHarness(sources: [makeSource("A")], format: .eml)
        defer { d.remove() }
        var entry = makeDatedEntry("a-1", title: "Ремонт доріг", text: longText)
        entry.content = "<p>Львівська міська рада <b>ухвалила</b> програму ремонту доріг.</p><p>Перелік &amp; кошторис.</p>"
        try d.accept([entry], from: "A")
        #expect(d.h.files("new").first?.hasSuffix(".eml") == true)
        let article = try #require(try d.collect(makeDigest()).allArticles.first)
        #expect(article.title == "Ремонт доріг")
        #expect(article.excerpt == "Львівська міська рада ухвалила програму ремонту доріг. Перелік & кошторис.")
    }

    @Test func aFileMovedToCurIsStillReadAndADeletedOneStillShowsItsTitle() throws {
        let d = try DigestHarness(sources: [makeSource("A")])
        defer { d.remove() }
        let first = makeDatedEntry("a-1", title: "Ремонт доріг", text: longText, minutesAgo: 1)
        let second = makeDatedEntry("a-2", title: "Новий сквер на Сихові", text: "На Сихові висадили сто дерев.", minutesAgo: 2)
        let third = makeDatedEntry("a-3", title: "Фестиваль кави", text: "У центрі Львова триває фестиваль кави.", minutesAgo: 3)
        let files = try d.accept([first, second, third], from: "A").files
        try d.h.move(files[0], from: "new", to: "cur", as: files[0] + ":2,S")
        try d.h.move(files[1], from: "new", to: "cur")
        try FileManager.default.removeItem(atPath: d.h.path("new", files[2]))
        let articles = try d.collect(makeDigest(excerptLength: 30)).allArticles
        #expect(articles.map(\.title) == ["Ремонт доріг", "Новий сквер на Сихові", "Фестиваль кави"])
        #expect(articles.map(\.excerpt) == ["Львівська міська рада…", "На Сихові висадили сто дерев.", ""])
        #expect(articles[2].link == "https://example.org/a-3")
    }

    @Test func titlesLoseControlsAndAMissingTitleIsTakenFromTheText() throws {
        let d = try DigestHarness(sources: [makeSource("A")])
        defer { d.remove() }
        let controlled = makeDatedEntry("a-1", title: "Рядок\u{7}один\r\nрядок\u{85} два\u{9B}", text: "Текст першої новини, досить довгий.",
                                        minutesAgo: 1)
        let untitled = makeDatedEntry("a-2", title: nil, text: "Телеграм-допис без заголовка про нічний Львів.\nДругий рядок допису.",
                                      minutesAgo: 2)
        let bare = makeDatedEntry("a-3", title: "  ", text: "", link: "https://t.me/example/42", minutesAgo: 3)
        try d.accept([controlled, untitled, bare], from: "A")
        let articles = try d.collect(makeDigest()).allArticles
        #expect(articles.map(\.title) == ["Рядокодин рядок два", "Телеграм-допис без заголовка про нічний Львів.", "https://t.me/example/42"])
        #expect(articles[1].excerpt == "Другий рядок допису.")
    }

    @Test func onlyWebLinksAreKept() {
        #expect(DigestText.webLink("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c")
        #expect(DigestText.webLink("HTTP://Example.org") == "HTTP://Example.org")
        #expect(DigestText.webLink("https://львів.example/новини") == "https://львів.example/новини")
        for bad in ["javascript:alert(1)", "data:text/html,<script>", "mailto:a@b", "https:///path", "//example.org/x",
                    "https://exa mple.org/", "https://example.org/\u{0}x", "ftp://example.org/file"] {
            #expect(DigestText.webLink(bad) == nil, "\(bad)")
        }
    }

    @Test func aHostileLinkIsNotShown() throws {
        let d = try DigestHarness(sources: [makeSource("A")])
        defer { d.remove() }
        try d.accept([makeDatedEntry("a-1", title: "Клікни тут, будь ласка", text: "Підозріле посилання у стрічці.",
                                     link: "javascript:alert(document.cookie)")], from: "A")
        let article = try #require(try d.collect(makeDigest()).allArticles.first)
        #expect(article.link == nil && article.title == "Клікни тут, будь ласка")
    }

    @Test func cuttingKeepsWholeWordsAndGraphemes() {
        #expect(Excerpt.make("один два три", limit: 12) == "один два три")
        #expect(Excerpt.make("один два три", limit: 11) == "один два…")
        #expect(Excerpt.make("один,   два\n\n три", limit: 9) == "один…")
        // One long word is cut inside rather than lost.
        #expect(Excerpt.make("Слово Держсантрансінспекторат", limit: 20) == "Слово Держсантрансі…")
        // Graphemes (a flag, a combining accent) are never split.
        #expect(Excerpt.make("🇺🇦🇺🇦🇺🇦 то́чка", limit: 3) == "🇺🇦🇺🇦…")
        #expect(Excerpt.make("x", limit: 1) == "x")
        #expect(Excerpt.make("xy", limit: 1) == "…")
        #expect(Excerpt.make("  \n ", limit: 10) == "")
    }
}
