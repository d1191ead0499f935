import Foundation
import Testing
@testable import VisnykKit

/// Spec probes on element precedence, namespaced extensions, charset conflicts and the
/// text-versus-HTML reading of titles.
extension SpecProbeTests {
    private static let atomNS = " xmlns:atom=\"http://www.w3.org/2005/Atom\""

    @Test func namedElementsWinOverExtensions() throws {
        let dc = Self.dcNS
        #expect(try item("<dc:title>DC</dc:title><title>RSS</title>", ns: dc).title == "RSS")
        #expect(try item("<dc:creator>DC Name</dc:creator><author>a@b.c (Real)</author>", ns: dc).authors == [Author(name: "Real", email: "a@b.c")])
        let dates = try item("<pubDate>Mon, 04 May 2020 00:00:00 GMT</pubDate><dcterms:modified>2020-05-05T00:00:00Z</dcterms:modified>",
                             ns: " xmlns:dcterms=\"http://purl.org/dc/terms/\"")
        #expect(ParseFixture.rfc3339(dates.published) == "2020-05-04T00:00:00Z")
        #expect(ParseFixture.rfc3339(dates.updated) == "2020-05-05T00:00:00Z")
        #expect(try item("<description>short</description>").content == nil)
    }

    @Test func atomElementsInsideRSS() throws {
        #expect(try item("<atom:link href=\"http://e.org/atomlink\" rel=\"alternate\"/>", ns: Self.atomNS).link == "http://e.org/atomlink")
        #expect(try item("<atom:author><atom:name>AA</atom:name><atom:email>aa@e</atom:email></atom:author>", ns: Self.atomNS).authors
            == [Author(name: "AA", email: "aa@e")])
        let selfLink = try rss("", channel: "<atom:link href=\"http://example.org/feed.xml\" rel=\"self\"/>", ns: Self.atomNS)
        #expect(selfLink.feed.link == "http://example.org/")
    }

    @Test func channelParentsAreNotChannelLinks() throws {
        let image = "<rss version=\"2.0\"><channel><title>T</title><image><url>http://e.org/i.png</url><link>http://e.org/imglink</link></image>"
            + "<textInput><name>q</name><link>http://e.org/search</link></textInput><item><title>t</title><comments>http://e.org/c</comments>"
            + "<source url=\"http://src.example/rss\">Src</source></item></channel></rss>"
        let parsed = try ParseFixture.parse(string: image)
        #expect(parsed.feed.link == nil)
        #expect(parsed.entries.first?.link == nil)
    }

    @Test func atomSelfLinkIsNotTheFeedsPage() throws {
        #expect(try atom("", feed: "<link rel=\"self\" href=\"http://e.org/feed.atom\"/>").feed.link == nil)
        #expect(try atom("", feed: "<link rel=\"http://www.iana.org/assignments/relation/alternate\" href=\"http://e/home\"/>").feed.link == "http://e/home")
    }

    @Test func languageSources() throws {
        let xmlLang = "<rss version=\"2.0\" xml:lang=\"pl\"><channel><title>T</title></channel></rss>"
        #expect(try ParseFixture.parse(string: xmlLang).feed.language == "pl")
        #expect(try rss("", channel: "<language>  en-US \n</language>").feed.language == "en-US")
        #expect(try atom("", attrs: " xml:lang=\"\"").feed.language == nil)
        #expect(try atom("").feed.language == nil)
    }

    @Test func rssTitlesAreHTMLAtomTextTitlesAreText() throws {
        #expect(try item("<title>I &lt;3 feeds</title>").title == "I <3 feeds")
        #expect(try item("<title>a &lt; b &amp;&amp; c &gt; d</title>").title == "a < b && c > d")
        #expect(try item("<title><![CDATA[&lt;b&gt;x&lt;/b&gt;]]></title>").title == "<b>x</b>")
        #expect(try entry("<title>&lt;3 &amp; stuff</title>").title == "<3 & stuff")
        #expect(try entry("<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">&lt;tag&gt; &amp;amp;</div></title>").title == "<tag> &amp;")
        #expect(try entry("<title>\n   Multi\n   line  </title>").title == "Multi line")
        #expect(try item("<description><![CDATA[Tom & Jerry < 3]]></description>").summary == "Tom &amp; Jerry &lt; 3")
    }

    @Test func httpCharsetOutranksTheDeclaration() throws {
        // RFC 7303 §8.1: the charset parameter is authoritative; here the bytes are UTF-8.
        let doc = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>Новини</title></channel></rss>"
        #expect(try ParseFixture.parse(string: doc, contentType: "application/xml; charset=utf-8").feed.title == "Новини")
    }

    @Test func jsonFeedEdgeFields() throws {
        #expect(try json(["items": [["id": "1", "content_text": "x", "author": ["name": "Dep"]]]]).entries.first?.authors == [Author(name: "Dep")])
        #expect(try json(["items": [["id": "1", "content_text": "x", "tags": ["a", 1, "b"]]]]).entries.first?.categories == ["a", "b"])
        let modifiedOnly = try #require(try json(["items": [["id": "1", "date_modified": "2020-01-03T00:00:00Z"]]]).entries.first)
        #expect(modifiedOnly.published == nil && ParseFixture.rfc3339(modifiedOnly.updated) == "2020-01-03T00:00:00Z")
        #expect(try json(["feed_url": "https://e.org/feed.json", "items": []]).feed.link == nil)
        #expect(try json(["items": [["id": "1", "content_html": "<p onclick='x'>a</p><script>b</script>"]]]).entries.first?.content == "<p>a</p>")
        let text = try #require(try json(["items": [["id": "1", "content_text": "a <b> & c"]]]).entries.first)
        #expect(text.content == "a &lt;b&gt; &amp; c")
    }

    @Test func enclosureAndAtomLinkEdges() throws {
        #expect(try item("<enclosure url=\"http://e/a.mp3\" length=\"0\" type=\"audio/mpeg\"/>").enclosures
            == [Enclosure(url: "http://e/a.mp3", type: "audio/mpeg", length: 0)])
        #expect(try item("<enclosure url=\"http://e/a.bin\"/>").enclosures == [Enclosure(url: "http://e/a.bin")])
        #expect(try entry("<link rel=\"enclosure\" href=\"http://e/a.mp3\" length=\"big\" type=\"audio/mpeg\"/>").enclosures
            == [Enclosure(url: "http://e/a.mp3", type: "audio/mpeg")])
        #expect(try entry("<link rel=\"alternate\"/><link href=\"http://e/ok\"/>").link == "http://e/ok")
        #expect(try entry("<link href=\"  http://e.org/ws  \"/>").link == "http://e.org/ws")
        #expect(try entry("<category label=\"L\"/>").categories == ["L"])
    }
}
