import Foundation
import Testing
@testable import VisnykKit

@Suite("Full text: article extraction")
struct ArticleExtractorTests {
    static func extract(_ name: String, selector: ContentSelector? = nil) throws -> ExtractedArticle? {
        ArticleExtractor.extract(page: try Fixture.bytes("fulltext/" + name), url: "https://site.example/2025/04/article/", selector: selector)
    }

    @Test("the seed article's page gives exactly its paragraphs")
    func seedPage() throws {
        let article = try #require(try Self.extract("leopolis-page.html"))
        let expected = try Fixture.string("fulltext/leopolis-expected.txt")
        #expect(article.text == expected)
        #expect(expected.split(separator: "\n\n").count == 9)
        #expect(article.html.contains("<a href=\"https://www.facebook.com/rustem.umerov\">Фейсбук</a>"))
        #expect(article.html.contains("<img src=\"https://site.example/wp-content/uploads/2025/04/umerov.jpg\""))
        #expect(!article.html.contains("class="))
    }

    @Test("a WordPress theme: div.entry-content without sharing, related posts and comments")
    func wordpress() throws {
        let text = try #require(try Self.extract("wordpress-page.html")).text
        for kept in ["Every few years somebody on the council", "What the cards remember",
                     "We are not nostalgic.", "the way the town finds out what it used to read."] {
            #expect(text.contains(kept), "missing: \(kept)")
        }
        for dropped in ["Share this", "Facebook", "Related", "The bridge that was painted", "drawer K",
                        "Leave a Reply", "Recent Posts", "without ads", "Riverside Notes", "Posted in", "Skip to content"] {
            #expect(!text.contains(dropped), "kept: \(dropped)")
        }
        #expect(text.hasPrefix("Every few years"))
    }

    @Test("a news site with <article>: the story without ads, inline links, most read and footer")
    func newsArticle() throws {
        let text = try #require(try Self.extract("news-article-page.html")).text
        for kept in ["The two gantry cranes that define the east quay", "up to 65 tonnes",
                     "Port director Helen Marsh", "It is like getting your hands back",
                     "grow by a fifth next year."] {
            #expect(text.contains(kept), "missing: \(kept)")
        }
        for dropped in ["cookies", "Storm warning", "Advertisement", "Read more", "Port budget row",
                        "Most read", "Council approves", "morning briefing", "All rights reserved", "Opinion"] {
            #expect(!text.contains(dropped), "kept: \(dropped)")
        }
    }

    @Test("a page of link lists around a short article keeps only the article")
    func linkHeavy() throws {
        let text = try #require(try Self.extract("link-heavy-page.html")).text
        #expect(text.contains("Night trains will run on the valley line again from June"))
        #expect(text.contains("a small dining car."))
        #expect(text.contains("Tickets go on sale on Monday."))
        for dropped in ["headline number", "Regions", "Partners", "More from the portal", " | "] {
            #expect(!text.contains(dropped), "kept: \(dropped)")
        }
    }

    @Test("link lists and short lines without class hints inside the article's container go")
    func junkInsideContainer() {
        let items = (1...12).map { "<li><a href=\"/n/\($0)\">Another headline, number \($0), about something else</a></li>" }.joined()
        let page = """
            <html><body><div>
            <p>The first paragraph of a short article, long enough to count, with a comma, and another one, and then a few more words.</p>
            <div><ul>\(items)</ul></div>
            <div>Слідкуй за нами:</div>
            <p>The second paragraph, also long enough to count, closes the article with a last, short remark.</p>
            <div class="gallery"><img src="/a.jpg"></div>
            <div>See also <a href="/x">the council's budget</a> and <a href="/y">the ferry timetable</a>.</div>
            </div></body></html>
            """
        let article = ArticleExtractor.extract(page: Array(page.utf8), url: "https://x.example/")
        #expect(article?.text == "The first paragraph of a short article, long enough to count, with a comma, and another one, and then a few more words.\n\n"
            + "The second paragraph, also long enough to count, closes the article with a last, short remark.")
        #expect(article?.html.contains("<img src=\"https://x.example/a.jpg\">") == true)
    }

    @Test("a page without an article gives nil")
    func noContent() throws {
        #expect(try Self.extract("no-content-page.html") == nil)
        #expect(ArticleExtractor.extract(page: [], url: nil) == nil)
        #expect(ArticleExtractor.extract(page: Array("just some words, not a page".utf8), url: nil) == nil)
    }

    @Test("text nested deeper than the tree keeps is not reached, and nothing overflows")
    func deepNesting() {
        let paragraph = "<p>" + String(repeating: "Deeply nested words, with commas. ", count: 20) + "</p>"
        let deep = String(repeating: "<div>", count: 5000) + paragraph + String(repeating: "</div>", count: 5000)
        #expect(ArticleExtractor.extract(page: Array(deep.utf8), url: nil) == nil)
        let shallow = String(repeating: "<div>", count: 50) + paragraph + String(repeating: "</div>", count: 50)
        #expect(ArticleExtractor.extract(page: Array(shallow.utf8), url: nil)?.text.hasPrefix("Deeply nested words") == true)
    }

    @Test("a page over the size cap is not read")
    func sizeCap() throws {
        var page = try Fixture.bytes("fulltext/news-article-page.html")
        #expect(ArticleExtractor.extract(page: page, url: nil) != nil)
        page += [UInt8](repeating: 0x20, count: ArticleExtractor.maximumPageBytes)
        #expect(ArticleExtractor.extract(page: page, url: nil) == nil)
    }
}
