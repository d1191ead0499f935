import Foundation
import Testing
@testable import VisnykKit

@Suite("Full text: content selector override")
struct ContentSelectorTests {
    static let page = """
        <html><body>
        <div id="main"><p>Main column text that is the whole of the main region, long enough to be read as a paragraph of an article by anyone, scorer or person, and then some more words so that it passes the minimum length of extracted text.</p></div>
        <article class="story"><div class="body intro"><p>Body inside the article: this is the text a selector "article .body" must pick, and it also is long enough, with a second clause added so that it is, to pass the minimum length the extractor asks of any extracted text at all.</p></div></article>
        <div class="body"><p>Body outside any article, which "article .body" must not pick although it is a div with class body and a long paragraph of text, long enough for the minimum.</p></div>
        <div class="entry-content" itemprop="articleBody"><p>The entry content with an itemprop articleBody attribute, which both "div.entry-content" and "[itemprop=articleBody]" pick, with words enough to pass the minimum length, and a few more words for good measure.</p></div>
        </body></html>
        """

    static func text(_ selector: String) throws -> String? {
        ArticleExtractor.extract(page: Array(page.utf8), url: nil, selector: try ContentSelector(selector))?.text
    }

    @Test("tag.class, #id, [attr=value] and descendant selectors pick their element")
    func picks() throws {
        #expect(try Self.text("#main")?.hasPrefix("Main column text") == true)
        #expect(try Self.text("article .body")?.hasPrefix("Body inside the article") == true)
        #expect(try Self.text("div.body")?.hasPrefix("Body inside the article") == true)
        #expect(try Self.text("div.entry-content")?.hasPrefix("The entry content") == true)
        #expect(try Self.text("[itemprop=articleBody]")?.hasPrefix("The entry content") == true)
        #expect(try Self.text("[itemprop=\"articleBody\"]")?.hasPrefix("The entry content") == true)
        #expect(try Self.text("html body article.story div.intro.body")?.hasPrefix("Body inside the article") == true)
    }

    @Test("a selector that matches nothing gives nil")
    func noMatch() throws {
        #expect(try Self.text("section.entry-content") == nil)
        #expect(try Self.text("aside .body") == nil)
        #expect(try Self.text("#Main") == nil)
    }

    @Test("the override wins over the scorer on a real page")
    func overridesScorer() throws {
        let page = try Fixture.bytes("fulltext/wordpress-page.html")
        let scored = try #require(ArticleExtractor.extract(page: page, url: nil))
        #expect(!scored.text.contains("neighbours"))
        let chosen = try #require(ArticleExtractor.extract(page: page, url: nil, selector: ContentSelector("aside .textwidget")))
        #expect(chosen.text.hasPrefix("Riverside Notes is written by neighbours"))
    }

    @Test("unreadable selectors are refused with the reason", arguments: ["", "   ", "div >", "a, b", "div.", "#", "[", "[x=", "[x='y]", "div:hover(", "*"])
    func refused(_ source: String) {
        #expect(throws: ContentSelectorError.self) { try ContentSelector(source) }
    }

    @Test("the error says what to write")
    func errorText() {
        let error = #expect(throws: ContentSelectorError.self) { try ContentSelector("div > p") }
        #expect(error?.description.contains("\"div > p\"") == true)
        #expect(error?.description.contains("div.entry-content") == true)
    }
}
