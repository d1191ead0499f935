import Foundation
import Testing
@testable import VisnykKit

/// Atom 1.0 (RFC 4287): text constructs, dates, inherited authors, categories, links,
/// nested and relative xml:base, xml:lang.
@Suite struct AtomParseTests {
    let parsed: ParsedFeed

    init() throws {
        parsed = try ParseFixture.parse("feeds/atom10-full.xml")
    }

    @Test func feedMetadata() {
        let feed = parsed.feed
        #expect(feed.format == .atom10)
        #expect(feed.title == "Атом & компанія")
        #expect(feed.description == "Блог про <em>стандарти</em>")
        #expect(feed.link == "https://atom.example.org/blog/", "rel=alternate, not rel=self, resolved against xml:base")
        #expect(feed.language == "uk")
        #expect(ParseFixture.rfc3339(feed.updated) == "2025-04-20T05:00:00Z")
        #expect(parsed.entries.count == 3)
        #expect(parsed.warnings.isEmpty)
    }

    @Test func htmlTitleTextSummaryAndHTMLContentWithNestedBase() throws {
        let entry = parsed.entries[0]
        #expect(entry.id == "tag:atom.example.org,2025:1")
        #expect(entry.title == "Перший запис")
        #expect(entry.link == "https://atom.example.org/blog/posts/one")
        #expect(ParseFixture.rfc3339(entry.published) == "2025-04-19T07:00:00Z")
        #expect(ParseFixture.rfc3339(entry.updated) == "2025-04-20T04:30:00Z")
        #expect(entry.summary == "Менше за 5 &lt; 6 — правда.", "type=text: < is a character, escaped in HTML")
        #expect(entry.content == "<p>Див. <a href=\"https://atom.example.org/blog/posts/two\">наступний</a> запис.</p>")
        #expect(entry.text == "Див. наступний запис.", "text comes from content, not summary")
        #expect(entry.categories == ["standards", "xml"])
        #expect(entry.enclosures == [Enclosure(url: "https://atom.example.org/blog/media/one.ogg", type: "audio/ogg", length: 4096)])
    }

    @Test func authorsAreInheritedFromTheFeed() {
        let desk = Author(name: "Редакція", email: "desk@atom.example.org", uri: "https://atom.example.org/about")
        #expect(parsed.entries[0].authors == [desk])
        #expect(parsed.entries[1].authors == [Author(name: "Автор Другого")])
        #expect(parsed.entries[2].authors == [desk])
    }

    @Test func xhtmlConstructsAndEntryLevelBase() throws {
        let entry = parsed.entries[1]
        #expect(entry.title == "Другий запис")
        #expect(entry.link == "https://atom.example.org/other/two.html")
        #expect(entry.published == nil)
        #expect(ParseFixture.rfc3339(entry.updated) == "2025-04-18T12:00:00Z")
        let content = try #require(entry.content)
        #expect(content.contains("src=\"https://atom.example.org/other/sub/pic.png\""))
        #expect(content.contains("href=\"https://atom.example.org/other/up.html\""))
        #expect(!content.contains("<div"), "the xhtml wrapper div is not part of the content")
        #expect(!content.contains("xmlns"))
        #expect(ParseFixture.lines(entry.text) == "Картинка:\nАбзац вгору.")
    }

    @Test func summaryOnlyEntry() {
        let entry = parsed.entries[2]
        #expect(entry.title == "Третій")
        #expect(entry.link == "https://absolute.example.net/three")
        #expect(entry.summary == "Лише підсумок.")
        #expect(entry.content == nil)
        #expect(entry.text == "Лише підсумок.")
        #expect(entry.categories.isEmpty)
    }

    @Test func relativeBaseOnTheFeedResolvesAgainstTheDocumentURL() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="blog/">
            <title>R</title><link href="index.html"/>
            <entry xml:base="2025/"><title>E</title><id>e1</id><link href="post.html"/>
            <content type="html">&lt;a href="img.png"&gt;x&lt;/a&gt;</content></entry></feed>
            """
        let parsed = try ParseFixture.parse(string: xml, baseURL: "https://host.example/root/feed.atom")
        #expect(parsed.feed.link == "https://host.example/root/blog/index.html")
        let entry = try #require(parsed.entries.first)
        #expect(entry.link == "https://host.example/root/blog/2025/post.html")
        #expect(entry.content == "<a href=\"https://host.example/root/blog/2025/img.png\">x</a>")
    }

    @Test func textTitleKeepsAngleBracketsAsCharacters() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><id>1</id><title type="text">a &lt;b&gt; c</title></entry></feed>
            """
        let entry = try #require(try ParseFixture.parse(string: xml).entries.first)
        #expect(entry.title == "a <b> c")
    }

    @Test func entryLanguageDoesNotOverrideFeedLanguage() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><title>T</title>
            <entry xml:lang="uk"><id>1</id><title>x</title></entry></feed>
            """
        #expect(try ParseFixture.parse(string: xml).feed.language == "en-GB")
    }
}
