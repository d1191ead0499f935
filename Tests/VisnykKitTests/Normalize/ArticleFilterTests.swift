import Testing
@testable import VisnykKit

/// The shared include / exclude matcher of sources and digests.
@Suite struct ArticleFilterTests {
    static func entry(title: String = "", text: String = "", authors: [String] = [], categories: [String] = []) -> Entry {
        Entry(id: "e", title: title, authors: authors.map { Author(name: $0) }, text: text, categories: categories,
              contentHash: "sha256:" + String(repeating: "0", count: 64))
    }

    @Test("a literal matches title, text, author names and categories, without regard to case or typography")
    func literals() throws {
        let filter = try ArticleFilter(include: [], exclude: ["Футбол"])
        #expect(!filter.passes(Self.entry(title: "ФУТБОЛ: Карпати виграли")))
        #expect(!filter.passes(Self.entry(text: "Сьогодні\nматч. футбол увечері")))
        #expect(!filter.passes(Self.entry(categories: ["Спорт", "футбол"])))
        #expect(filter.passes(Self.entry(title: "Львів", text: "Погода")))
        let typographic = try ArticleFilter(include: [], exclude: ["пам'ятник"])
        #expect(!typographic.passes(Self.entry(title: "Новий ПАМ’ЯТНИК у Львові")))
        let author = try ArticleFilter(include: [], exclude: ["Press Release Bot"])
        #expect(!author.passes(Self.entry(title: "News", authors: ["press release bot"])))
        #expect(author.passes(Self.entry(title: "News", authors: ["Olena"])))
    }

    @Test("a /regex/ matches a line of the title or text, an author or a category; /…/i ignores case")
    func regexes() throws {
        let filter = try ArticleFilter(include: [], exclude: ["/^Sponsored/", "/^sport$/i"])
        #expect(!filter.passes(Self.entry(title: "News", text: "first line\nSponsored content")))
        #expect(filter.passes(Self.entry(title: "News", text: "Not Sponsored at the start")))
        #expect(!filter.passes(Self.entry(title: "News", categories: ["Sport"])))
        #expect(filter.passes(Self.entry(title: "News", categories: ["Sports"])))
        let byAuthor = try ArticleFilter(include: ["/^Olena /"], exclude: [])
        #expect(byAuthor.passes(Self.entry(title: "x", authors: ["Olena Petrenko"])))
        #expect(!byAuthor.passes(Self.entry(title: "x", authors: ["Petro Olena"])))
    }

    @Test("include keeps only what matches one of them; exclude wins over include")
    func includeAndExclude() throws {
        let filter = try ArticleFilter(include: ["Львів", "Lviv"], exclude: ["реклама"])
        #expect(filter.passes(Self.entry(title: "У Львові… ні, Львів сьогодні")))
        #expect(filter.passes(Self.entry(text: "Lviv city council")))
        #expect(!filter.passes(Self.entry(title: "Київ")))
        #expect(!filter.passes(Self.entry(title: "Львів", text: "Реклама")))
        #expect(try ArticleFilter(include: [], exclude: []).passes(Self.entry()))
    }

    @Test("bad patterns are refused, as for strip")
    func badPatterns() {
        #expect(throws: StripPatternError.self) { try ArticleFilter(include: ["/[unclosed/"], exclude: []) }
        #expect(throws: StripPatternError.self) { try ArticleFilter(include: [], exclude: ["  "]) }
    }

    @Test("digests keep their behaviour: title and text only")
    func digestFilter() throws {
        let digest = DigestConfig(name: "d", to: [], from: "a@b.c", at: [], timezone: "UTC", exclude: ["sport"])
        let filter = try DigestFilter(digest)
        #expect(!filter.shows(title: "SPORT news", text: ""))
        #expect(filter.shows(title: "Politics", text: "Економіка"))
    }
}
