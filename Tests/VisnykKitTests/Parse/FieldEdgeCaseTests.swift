import Foundation
import Testing
@testable import VisnykKit

/// Smaller rules of the article contract, one document each.
@Suite struct FieldEdgeCaseTests {
    private func entry(_ items: String, baseURL: String? = nil) throws -> Entry {
        try #require(try ParseFixture.parse(string: ParseFixture.rss(items: items), baseURL: baseURL).entries.first)
    }

    @Test func titleWhitespaceIsCollapsed() throws {
        let e = try entry("<item><title>\n    Багаторядковий\n    заголовок\t </title></item>")
        #expect(e.title == "Багаторядковий заголовок")
    }

    @Test func titleThatMentionsRawTextTagsKeepsItsWords() throws {
        // Titles are read as HTML, but "<script>" in one is far more often a word than markup:
        // nothing after it may vanish (the title is plain text; consumers escape it).
        let e = try entry("<item><title>Using &lt;script&gt; tags &amp; &lt;b&gt;bold&lt;/b&gt; in 2025</title></item>")
        #expect(e.title == "Using <script> tags & bold in 2025")
    }

    @Test func guidAndLinkAreTrimmed() throws {
        let e = try entry("<item><title>t</title><link>\n  https://example.org/a  \n</link><guid isPermaLink=\"false\">  id-1\n</guid></item>")
        #expect(e.link == "https://example.org/a")
        #expect(e.id == "id-1")
    }

    @Test func xmlBaseOnAnRSSItem() throws {
        let e = try entry("<item xml:base=\"https://a.example/dir/\"><title>t</title><link>x.html</link><description>&lt;a href=\"y.html\"&gt;y&lt;/a&gt;</description></item>")
        #expect(e.link == "https://a.example/dir/x.html")
        #expect(e.summary == "<a href=\"https://a.example/dir/y.html\">y</a>")
    }

    @Test func enclosureLengthsThatAreNotNumbers() throws {
        let e = try entry("""
            <item><title>t</title>
            <enclosure url="https://e.example/1.mp3" type="audio/mpeg" length=" 42 "/>
            <enclosure url="https://e.example/2.mp3" type="audio/mpeg" length="-5"/>
            <enclosure url="https://e.example/3.mp3" type="audio/mpeg" length=""/>
            <enclosure type="audio/mpeg" length="1"/></item>
            """)
        #expect(e.enclosures == [
            Enclosure(url: "https://e.example/1.mp3", type: "audio/mpeg", length: 42),
            Enclosure(url: "https://e.example/2.mp3", type: "audio/mpeg", length: nil),
            Enclosure(url: "https://e.example/3.mp3", type: "audio/mpeg", length: nil),
        ])
    }

    @Test func shortPostsWithDifferentLinksHashDifferently() throws {
        let parsed = try ParseFixture.parse(string: ParseFixture.rss(items: """
            <item><title>Фото дня</title><link>https://p.example/1</link></item>
            <item><title>Фото дня</title><link>https://p.example/2</link></item>
            <item><title>Фото дня</title><link>https://p.example/1</link></item>
            """))
        #expect(parsed.entries.count == 3)
        #expect(parsed.entries[0].contentHash != parsed.entries[1].contentHash)
        #expect(parsed.entries[0].contentHash == parsed.entries[2].contentHash)
    }

    @Test func longPostsWithDifferentLinksHashTheSame() throws {
        let body = "Довгий текст новини, що має значно більше ніж тридцять два символи."
        let parsed = try ParseFixture.parse(string: ParseFixture.rss(items: """
            <item><title>Новина</title><link>https://a.example/1</link><description>\(body)</description></item>
            <item><title>НОВИНА</title><link>https://b.example/9</link><description>&lt;p&gt;\(body)&lt;/p&gt;</description></item>
            """))
        #expect(parsed.entries[0].contentHash == parsed.entries[1].contentHash)
    }

    @Test func datesThatCannotBeReadAreLeftOutWithAWarning() throws {
        let parsed = try ParseFixture.parse(string: ParseFixture.rss(items: "<item><title>t</title><pubDate>not a date at all</pubDate></item>"))
        #expect(parsed.entries.first?.published == nil)
        #expect(parsed.warnings.contains { $0.contains("not a date at all") })
    }

    @Test func atomOutOfLineContentFallsBackToSummary() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>t</title>
            <summary>Короткий опис.</summary><content type="video/mp4" src="https://v.example/1.mp4"/></entry></feed>
            """
        let e = try #require(try ParseFixture.parse(string: xml).entries.first)
        #expect(e.content == nil)
        #expect(e.text == "Короткий опис.")
    }

    @Test func atomLinkPrefersHTMLAlternate() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>t</title>
            <link rel="alternate" type="application/pdf" href="https://x.example/1.pdf"/>
            <link rel="alternate" type="text/html" href="https://x.example/1.html"/>
            <link rel="self" href="https://x.example/1.atom"/></entry></feed>
            """
        #expect(try ParseFixture.parse(string: xml).entries.first?.link == "https://x.example/1.html")
    }

    @Test func jsonPrefersContentHTMLOverContentText() throws {
        let json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
             {"id":"1","content_html":"<p>HTML версія</p>","content_text":"Текстова версія"}]}
            """
        let e = try #require(try ParseFixture.parse(string: json).entries.first)
        #expect(e.content == "<p>HTML версія</p>")
        #expect(e.text == "HTML версія")
    }

    @Test func jsonEscapingOfTheArticleJSON() throws {
        let e = ParseFixture.rss(items: "<item><title>Лапки \"так\" і \\ слеш</title><description>рядок&#x9;табуляція</description></item>")
        let parsed = try ParseFixture.parse(string: e)
        let object = try ParseFixture.jsonObject(parsed)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.first?["title"] as? String == "Лапки \"так\" і \\ слеш")
        #expect(!parsed.json.contains("\n"))
    }

    @Test func categoriesAreNotDuplicated() throws {
        let e = try entry("<item><title>t</title><category>Новини</category><category>Новини</category><category> </category></item>")
        #expect(e.categories == ["Новини"])
    }

    @Test func rss20InTheUserlandNamespace() throws {
        let xml = "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"><channel><title>Userland</title>"
            + "<item><title>U1</title><link>https://u.example/1</link></item></channel></rss>"
        let parsed = try ParseFixture.parse(string: xml)
        #expect(parsed.feed.title == "Userland")
        #expect(parsed.entries.first?.link == "https://u.example/1")
    }

    @Test func atomSourceAuthorsComeBeforeFeedAuthors() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><author><name>Feed author</name></author>
            <entry><id>1</id><title>t</title><source><id>s</id><title>S</title><author><name>Source author</name></author></source></entry></feed>
            """
        #expect(try ParseFixture.parse(string: xml).entries.first?.authors == [Author(name: "Source author")])
    }

    @Test func prefixedXHTMLContent() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>t</title>
            <content type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>Hi <xhtml:b>there</xhtml:b></xhtml:p></xhtml:div></content></entry></feed>
            """
        let e = try #require(try ParseFixture.parse(string: xml).entries.first)
        #expect(e.content == "<p>Hi <b>there</b></p>")
        #expect(e.text == "Hi there")
    }

    @Test func jsonFeedWithAByteOrderMark() throws {
        let json = "\u{FEFF}{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"BOM\",\"items\":[{\"id\":\"1\",\"content_text\":\"x\"}]}"
        let parsed = try ParseFixture.parse(string: json)
        #expect(parsed.feed.format == .json10)
        #expect(parsed.entries.first?.text == "x")
    }

    @Test func jsonFeedInUTF16() throws {
        let json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Шістнадцять\",\"items\":[{\"id\":\"1\",\"title\":\"Ґ\"}]}"
        let bytes: [UInt8] = [0xFF, 0xFE] + json.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let parsed = try ParseFixture.parse(bytes: bytes)
        #expect(parsed.feed.title == "Шістнадцять")
        #expect(parsed.entries.first?.title == "Ґ")
    }

    @Test func cdataSectionsSplitAroundTheirTerminator() throws {
        let e = try entry("<item><title><![CDATA[a]]]]><![CDATA[>b]]></title></item>")
        #expect(e.title == "a]]>b")
    }
}
