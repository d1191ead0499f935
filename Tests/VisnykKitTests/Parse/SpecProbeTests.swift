import Foundation
import Testing
@testable import VisnykKit

/// One rule per test, read from the specifications (RSS 2.0, RSS 1.0, RFC 4287, Atom 0.3,
/// JSON Feed 1.0/1.1, RFC 3986 §5.4, RFC 822/3339, RFC 7303, HTML5) rather than from any
/// other parser's behaviour.
@Suite struct SpecProbeTests {
    static let dcNS = " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

    func rss(_ items: String, channel: String = "", ns: String = "", base: String? = nil) throws -> ParsedFeed {
        let doc = "<?xml version=\"1.0\"?><rss version=\"2.0\"\(ns)><channel><title>T</title>"
            + "<link>http://example.org/</link><description>D</description>\(channel)\(items)</channel></rss>"
        return try ParseFixture.parse(string: doc, baseURL: base)
    }

    func item(_ body: String, ns: String = "", base: String? = nil) throws -> Entry {
        try #require(try rss("<item>\(body)</item>", ns: ns, base: base).entries.first)
    }

    func atom(_ entries: String, feed: String = "", attrs: String = "", base: String? = nil) throws -> ParsedFeed {
        let doc = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"\(attrs)><title>T</title>"
            + "<id>urn:f</id><updated>2020-01-01T00:00:00Z</updated>\(feed)\(entries)</feed>"
        return try ParseFixture.parse(string: doc, baseURL: base)
    }

    func entry(_ body: String, attrs: String = "", base: String? = nil) throws -> Entry {
        let entries = "<entry><id>urn:e1</id><updated>2021-02-03T04:05:06Z</updated>\(body)</entry>"
        return try #require(try atom(entries, attrs: attrs, base: base).entries.first)
    }

    func atom03(_ body: String, feed: String = "") throws -> ParsedFeed {
        try ParseFixture.parse(string: "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>T</title>"
            + "\(feed)<entry>\(body)</entry></feed>")
    }

    func json(_ object: [String: Any], version: String = "1.1", base: String? = nil) throws -> ParsedFeed {
        var feed: [String: Any] = ["version": "https://jsonfeed.org/version/\(version)", "title": "T"]
        feed.merge(object) { $1 }
        let data = try JSONSerialization.data(withJSONObject: feed)
        return try ParseFixture.parse(bytes: Array(data), baseURL: base)
    }

    // MARK: RSS 2.0

    @Test func guidIsAPermalinkUnlessSaidOtherwise() throws {
        #expect(try item("<guid>http://example.org/a</guid>").link == "http://example.org/a")
        let notPermalink = try item("<title>x</title><guid isPermaLink=\"false\">http://example.org/d</guid>")
        #expect(notPermalink.id == "http://example.org/d")
        #expect(notPermalink.link == nil)
        let both = try item("<guid isPermaLink=\"false\">abc</guid><link>http://example.org/b</link>")
        #expect(both.id == "abc" && both.link == "http://example.org/b")
    }

    @Test func idFallsBackToLink() throws {
        #expect(try item("<title>x</title><link>http://example.org/l</link>").id == "http://example.org/l")
        #expect(try item("<title>x</title><guid></guid><link>http://example.org/l</link>").id == "http://example.org/l")
    }

    @Test func authorEmailForms() throws {
        #expect(try item("<author>lawyer@boyer.net (Lawyer Boyer)</author>").authors == [Author(name: "Lawyer Boyer", email: "lawyer@boyer.net")])
        #expect(try item("<author>lawyer@boyer.net</author>").authors == [Author(email: "lawyer@boyer.net")])
        #expect(try item("<author>Lawyer Boyer</author>").authors == [Author(name: "Lawyer Boyer")])
        #expect(try item("<author>Lawyer Boyer &lt;lawyer@boyer.net&gt;</author>").authors == [Author(name: "Lawyer Boyer", email: "lawyer@boyer.net")])
        #expect(try item("<dc:creator>Jane Doe</dc:creator>", ns: Self.dcNS).authors == [Author(name: "Jane Doe")])
    }

    @Test func categoriesKeepTextNotDomain() throws {
        let e = try item("<category domain=\"http://www.fool.com/cusips\">MSFT</category><category>Grateful Dead</category>")
        #expect(e.categories == ["MSFT", "Grateful Dead"])
        #expect(try item("<dc:subject>Topic</dc:subject>", ns: Self.dcNS).categories == ["Topic"])
    }

    @Test func enclosuresInOrderWithRelativeURLResolved() throws {
        let e = try item("<enclosure url=\"/a.mp3\" length=\"12216320\" type=\"audio/mpeg\"/><enclosure url=\"http://e/2.ogg\" length=\"2\" type=\"audio/ogg\"/>",
                         base: "http://base.example/feed/rss.xml")
        #expect(e.enclosures == [Enclosure(url: "http://base.example/a.mp3", type: "audio/mpeg", length: 12216320),
                                 Enclosure(url: "http://e/2.ogg", type: "audio/ogg", length: 2)])
    }

    @Test func channelDatesAndLanguage() throws {
        let feed = try rss("", channel: "<lastBuildDate>Sat, 07 Sep 2002 09:42:31 GMT</lastBuildDate><language>en-us</language>").feed
        #expect(ParseFixture.rfc3339(feed.updated) == "2002-09-07T09:42:31Z")
        #expect(feed.language == "en-us" && feed.format == .rss20)
        #expect(try rss("", channel: "<dc:language>fr-CA</dc:language>", ns: Self.dcNS).feed.language == "fr-CA")
    }

    @Test func contentEncodedIsContentDescriptionIsSummary() throws {
        let e = try item("<description>short</description><content:encoded><![CDATA[<p>full <b>text</b></p>]]></content:encoded>",
                         ns: " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"")
        #expect(e.summary == "short")
        #expect(e.content == "<p>full <b>text</b></p>")
    }

    @Test func relativeLinksAgainstTheDocumentURL() throws {
        let base = "http://base.example/feed/rss.xml"
        #expect(try item("<link>/post/1</link>", base: base).link == "http://base.example/post/1")
        #expect(try item("<description>&lt;img src=\"/i.png\"&gt;</description>", base: base).summary == "<img src=\"http://base.example/i.png\">")
        let doc = "<rss version=\"2.0\"><channel xml:base=\"http://cb.example/c/\"><title>T</title><item><link>x</link></item></channel></rss>"
        #expect(try ParseFixture.parse(string: doc).entries.first?.link == "http://cb.example/c/x")
    }

    @Test func rssVersionsAreTold() throws {
        let v091 = "<rss version=\"0.91\"><channel><title>T</title><link>http://e.org/</link><item><title>i</title><link>http://e.org/i</link></item></channel></rss>"
        #expect(try ParseFixture.parse(string: v091).feed.format == .rss09x)
        let v090 = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">"
            + "<channel><title>T</title><link>http://e.org/</link></channel><item><title>i</title><link>http://e.org/i</link></item></rdf:RDF>"
        let parsed = try ParseFixture.parse(string: v090)
        #expect(parsed.feed.format == .rss09x && parsed.entries.first?.link == "http://e.org/i")
    }

    @Test func rss091DoctypeAllowsHTMLEntities() throws {
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
            + "<rss version=\"0.91\"><channel><title>T</title><link>http://e.org/</link><item><title>caf&eacute; &copy;</title></item></channel></rss>"
        #expect(try ParseFixture.parse(string: doc).entries.first?.title == "café ©")
    }

    // MARK: RSS 1.0

    @Test func rdfAboutDublinCoreAndContentModule() throws {
        let doc = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"\(Self.dcNS)"
            + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel rdf:about=\"http://example.org/\"><title>T</title>"
            + "<link>http://example.org/</link><dc:language>de</dc:language></channel><item rdf:about=\"http://example.org/i1\"><title>i</title>"
            + "<link>http://example.org/i1l</link><dc:date>2002-09-07T10:11:12-05:00</dc:date><dc:creator>Ann</dc:creator><dc:subject>S</dc:subject>"
            + "<description>sum</description><content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded></item></rdf:RDF>"
        let parsed = try ParseFixture.parse(string: doc)
        let e = try #require(parsed.entries.first)
        #expect(parsed.feed.format == .rss10 && parsed.feed.language == "de")
        #expect(e.id == "http://example.org/i1" && e.link == "http://example.org/i1l")
        #expect(ParseFixture.rfc3339(e.published) == "2002-09-07T15:11:12Z")
        #expect(e.authors == [Author(name: "Ann")] && e.categories == ["S"])
        #expect(e.summary == "sum" && e.content == "<p>full</p>")
    }

    // MARK: Atom 1.0 (RFC 4287)

    @Test func textConstructsByType() throws {
        #expect(try entry("<title type=\"text\">a &lt;b&gt; c &amp; d</title>").title == "a <b> c & d")
        #expect(try entry("<title type=\"html\">a &lt;b&gt;bold&lt;/b&gt; &amp;amp; c</title>").title == "a bold & c")
        #expect(try entry("<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">x <b>y</b> &amp; z</div></title>").title == "x y & z")
        #expect(try entry("<title type=\"text\">AT&amp;amp;T</title>").title == "AT&amp;T")
        #expect(try entry("<summary type=\"text\">1 &lt; 2 &amp; &lt;b&gt;</summary>").summary == "1 &lt; 2 &amp; &lt;b&gt;")
        #expect(try entry("<content>a &lt;b&gt; not bold</content>").content == "a &lt;b&gt; not bold")
        #expect(try entry("<content type=\"text/html\">&lt;p&gt;C&lt;/p&gt;</content>").content == "<p>C</p>")
        #expect(try entry("<content type=\"text/plain\">&lt;p&gt;C&lt;/p&gt;</content>").content == "&lt;p&gt;C&lt;/p&gt;")
    }

    @Test func xhtmlContentDropsTheWrapperDivAndKeepsEscapes() throws {
        let e = try entry("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hello <a href=\"/x\">x</a></p></div></content>",
                          base: "http://b.example/dir/feed")
        #expect(e.content == "<p>Hello <a href=\"http://b.example/x\">x</a></p>")
        #expect(try entry("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">a &amp;lt; b &lt; c</div></content>").content == "a &amp;lt; b &lt; c")
        #expect(try entry("<content type=\"xhtml\"><x:div xmlns:x=\"http://www.w3.org/1999/xhtml\"><x:p>P</x:p></x:div></content>").content == "<p>P</p>")
    }

    @Test func linkRelations() throws {
        #expect(try entry("<link href=\"http://example.org/alt\"/>").link == "http://example.org/alt")
        #expect(try entry("<link rel=\"related\" href=\"http://example.org/rel\"/><link rel=\"alternate\" href=\"http://example.org/alt\"/>").link == "http://example.org/alt")
        #expect(try entry("<link rel=\"http://www.iana.org/assignments/relation/alternate\" href=\"http://example.org/alt\"/>").link == "http://example.org/alt")
        #expect(try entry("<link rel=\"self\" href=\"http://example.org/self\"/>").link == nil)
        let enclosure = try entry("<link rel=\"http://www.iana.org/assignments/relation/enclosure\" href=\"http://example.org/a.mp3\" type=\"audio/mpeg\" length=\"7\"/>")
        #expect(enclosure.enclosures == [Enclosure(url: "http://example.org/a.mp3", type: "audio/mpeg", length: 7)])
        #expect(try entry("<link rel=\"enclosure\" href=\"http://e/a.ogg\"/>").enclosures == [Enclosure(url: "http://e/a.ogg")])
    }

    @Test func datesPublishedAndUpdated() throws {
        let e = try #require(try atom("<entry><id>urn:e</id><published>2003-12-13T08:29:29-04:00</published><updated>2003-12-13T18:30:02.25Z</updated></entry>").entries.first)
        #expect(ParseFixture.rfc3339(e.published) == "2003-12-13T12:29:29Z")
        #expect(ParseFixture.rfc3339(e.updated) == "2003-12-13T18:30:02Z")
        #expect(ParseFixture.rfc3339(try atom("").feed.updated) == "2020-01-01T00:00:00Z")
    }

    @Test func personConstructsAndInheritance() throws {
        let e = try entry("<author><name>Mark</name><uri>/~mark</uri><email>m@example.com</email></author><contributor><name>C</name></contributor>",
                          base: "http://b.example/feed")
        #expect(e.authors == [Author(name: "Mark", email: "m@example.com", uri: "http://b.example/~mark")])
        let fromFeed = try atom("<entry><id>e</id><title>t</title></entry>", feed: "<author><name>FeedAuthor</name></author>")
        #expect(fromFeed.entries.first?.authors == [Author(name: "FeedAuthor")])
        let fromSource = try entry("<source><id>urn:s</id><author><name>SrcAuthor</name></author><link href=\"http://src.example/\"/></source>")
        #expect(fromSource.authors == [Author(name: "SrcAuthor")])
        #expect(fromSource.link == nil)
    }

    @Test func categoryTermOrLabel() throws {
        #expect(try entry("<category term=\"tech\" scheme=\"http://x/\" label=\"Technology\"/><category term=\"news\"/>").categories == ["tech", "news"])
    }

    @Test func xmlBaseNestsAndResolvesAgainstTheDocument() throws {
        let nested = try atom("<entry xml:base=\"sub/\"><id>e</id><link href=\"page.html\"/></entry>", attrs: " xml:base=\"http://base.example/root/\"")
        #expect(nested.entries.first?.link == "http://base.example/root/sub/page.html")
        #expect(try entry("<link xml:base=\"http://other.example/a/b/\" href=\"../c\"/>").link == "http://other.example/a/c")
        let relativeBase = try atom("<entry><id>e</id><link href=\"p\"/></entry>", attrs: " xml:base=\"/blog/\"", base: "http://host.example/feeds/atom.xml")
        #expect(relativeBase.entries.first?.link == "http://host.example/blog/p")
        let content = try entry("<content type=\"html\" xml:base=\"http://c.example/x/\">&lt;a href=\"y\"&gt;y&lt;/a&gt;&lt;img src=\"//cdn.example/i.png\"&gt;</content>")
        #expect(content.content == "<a href=\"http://c.example/x/y\">y</a><img src=\"http://cdn.example/i.png\">")
        let inDiv = try entry("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\" xml:base=\"http://xb.example/q/\"><a href=\"r\">r</a></div></content>")
        #expect(inDiv.content == "<a href=\"http://xb.example/q/r\">r</a>")
        let feedLink = try atom("", feed: "<link href=\"index.html\"/>", attrs: " xml:base=\"http://base.example/root/\"")
        #expect(feedLink.feed.link == "http://base.example/root/index.html")
        let enclosure = try entry("<link rel=\"enclosure\" href=\"a.mp3\" length=\"3\" type=\"audio/mpeg\"/>", attrs: " xml:base=\"http://media.example/pod/\"")
        #expect(enclosure.enclosures.first?.url == "http://media.example/pod/a.mp3")
    }

    @Test func xmlLangOfTheFeedIsItsLanguage() throws {
        #expect(try atom("", attrs: " xml:lang=\"en-GB\"").feed.language == "en-GB")
    }

    @Test func feedSubtitleAndAlternateLink() throws {
        let feed = try atom("", feed: "<subtitle type=\"html\">&lt;b&gt;Sub&lt;/b&gt;</subtitle><link rel=\"self\" href=\"http://e/self\"/><link rel=\"alternate\" href=\"http://e/home\"/>").feed
        #expect(feed.description == "<b>Sub</b>" && feed.link == "http://e/home" && feed.format == .atom10)
    }

    // MARK: Atom 0.3

    @Test func atom03DatesModesAndPersons() throws {
        let parsed = try atom03("<id>tag:e,1</id><title>t</title><link rel=\"alternate\" type=\"text/html\" href=\"http://e.org/1\"/>"
            + "<issued>2003-12-13T08:29:29-04:00</issued><modified>2003-12-13T18:30:02Z</modified>"
            + "<author><name>N</name><url>http://n.example/</url><email>n@e</email></author>"
            + "<content type=\"text/html\" mode=\"base64\">PHA+aGVsbG8gPGI+d29ybGQ8L2I+PC9wPg==</content>",
            feed: "<tagline>Tag</tagline><modified>2003-12-13T18:30:02Z</modified>")
        let e = try #require(parsed.entries.first)
        #expect(parsed.feed.format == .atom03 && parsed.feed.description == "Tag")
        #expect(ParseFixture.rfc3339(parsed.feed.updated) == "2003-12-13T18:30:02Z")
        #expect(e.link == "http://e.org/1")
        #expect(ParseFixture.rfc3339(e.published) == "2003-12-13T12:29:29Z")
        #expect(ParseFixture.rfc3339(e.updated) == "2003-12-13T18:30:02Z")
        #expect(e.authors == [Author(name: "N", email: "n@e", uri: "http://n.example/")])
        #expect(e.content == "<p>hello <b>world</b></p>")
        #expect(try atom03("<id>x</id><content type=\"text/html\" mode=\"escaped\">&lt;p&gt;hi&lt;/p&gt;</content>").entries.first?.content == "<p>hi</p>")
        let xml = try atom03("<id>x</id><content type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>x<br/>y</p></div></content>")
        #expect(xml.entries.first?.content == "<p>x<br>y</p>")
        #expect(try atom03("<id>x</id><title type=\"text/html\" mode=\"escaped\">A &amp;amp; &lt;i&gt;B&lt;/i&gt;</title>").entries.first?.title == "A & B")
    }

    // MARK: JSON Feed

    @Test func jsonFeedItemFields() throws {
        let parsed = try json(["home_page_url": "https://e.org/", "language": "en-US", "items": [[
            "id": "1", "url": "https://e.org/1", "title": "T1", "content_html": "<p>H</p>", "content_text": "plain", "summary": "S",
            "date_published": "2020-01-02T03:04:05+01:00", "date_modified": "2020-01-03T00:00:00Z", "tags": ["a", "b"],
            "attachments": [["url": "https://e.org/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 123]]]]])
        let e = try #require(parsed.entries.first)
        #expect(parsed.feed.format == .json11 && parsed.feed.link == "https://e.org/" && parsed.feed.language == "en-US")
        #expect(e.id == "1" && e.link == "https://e.org/1" && e.title == "T1")
        #expect(e.content == "<p>H</p>" && e.summary == "S" && e.categories == ["a", "b"])
        #expect(ParseFixture.rfc3339(e.published) == "2020-01-02T02:04:05Z")
        #expect(ParseFixture.rfc3339(e.updated) == "2020-01-03T00:00:00Z")
        #expect(e.enclosures == [Enclosure(url: "https://e.org/a.mp3", type: "audio/mpeg", length: 123)])
    }

    @Test func jsonFeedAuthorsAcrossVersions() throws {
        #expect(try json(["author": ["name": "Old", "url": "https://o.example/"], "items": [["id": "1", "content_text": "x"]]], version: "1")
            .entries.first?.authors == [Author(name: "Old", uri: "https://o.example/")])
        #expect(try json(["items": [["id": "1", "content_text": "x", "author": ["name": "Old"], "authors": [["name": "New"]]]]])
            .entries.first?.authors == [Author(name: "New")])
        #expect(try json(["authors": [["name": "FA"]], "items": [["id": "1", "content_text": "x"]]]).entries.first?.authors == [Author(name: "FA")])
        #expect(try json(["items": []], version: "1").feed.format == .json10)
    }

    @Test func jsonFeedIdsTitlesAndRelativeURLs() throws {
        #expect(try json(["items": [["id": 123, "content_text": "x"]]]).entries.first?.id == "123")
        #expect(try json(["items": [["url": "https://e.org/x", "content_text": "x"]]]).entries.first?.id == "https://e.org/x")
        // JSON Feed titles are plain text: nothing in them is markup or an entity.
        #expect(try json(["items": [["id": "1", "title": "AT&amp;T & <b>x</b>"]]]).entries.first?.title == "AT&amp;T & <b>x</b>")
        let relative = try json(["home_page_url": "/", "items": [["id": "1", "url": "/p/1", "content_html": "<img src='i.png'>",
            "attachments": [["url": "a.mp3", "mime_type": "audio/mpeg"]]]]], base: "https://b.example/f/feed.json")
        let e = try #require(relative.entries.first)
        #expect(relative.feed.link == "https://b.example/")
        #expect(e.link == "https://b.example/p/1" && e.content == "<img src=\"https://b.example/f/i.png\">")
        #expect(e.enclosures.first?.url == "https://b.example/f/a.mp3")
    }

    // MARK: Entities and encodings

    @Test func htmlNamedEntitiesInsideEscapedHTML() throws {
        #expect(try item("<title>AT&amp;amp;T &amp;mdash; news</title>").title == "AT&T — news")
        #expect(try item("<title>&#8220;Q&#8221; &#x2014; &#169;</title>").title == "“Q” — ©")
        #expect(try item("<description><![CDATA[<p>caf&eacute; &amp; &euro;5</p>]]></description>").summary == "<p>café &amp; €5</p>")
        #expect(try item("<description>&amp;lt;b&amp;gt; literal</description>").summary == "&lt;b&gt; literal")
        #expect(try item("<title><![CDATA[Fish &amp; Chips &lt;3]]></title>").title == "Fish & Chips <3")
        #expect(try item("<link>http://e.org/?a=1&amp;b=2</link>").link == "http://e.org/?a=1&b=2")
    }

    @Test func undefinedEntitiesInTheXMLItselfAreRecovered() throws {
        #expect(try item("<title>caf&eacute; &mdash; na&iuml;ve</title>").title == "café — naïve")
        let doc = "<rss version=\"2.0\"><channel><title>A & B</title><item><title>Tom & Jerry</title><link>http://e.org/?x=1&y=2</link></item></channel></rss>"
        let parsed = try ParseFixture.parse(string: doc)
        #expect(parsed.feed.title == "A & B")
        #expect(parsed.entries.first?.title == "Tom & Jerry" && parsed.entries.first?.link == "http://e.org/?x=1&y=2")
    }

    static let cyrillicDoc = "<rss version=\"2.0\"><channel><title>Новини</title><item><title>Новини</title></item></channel></rss>"
    static let koi8r: [UInt8] = [238, 207, 215, 201, 206, 201]
    static let cp1251: [UInt8] = [205, 238, 226, 232, 237, 232]

    static func legacyDoc(_ prolog: String, _ title: [UInt8]) -> [UInt8] {
        Array((prolog + "<rss version=\"2.0\"><channel><title>").utf8) + title + Array("</title><item><title>".utf8) + title
            + Array("</title></item></channel></rss>".utf8)
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\" encoding=\"koi8-r\"?>", koi8r, nil as String?),
        ("<?xml version=\"1.0\"?>", cp1251, "application/rss+xml; charset=windows-1251"),
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?>", cp1251, "text/xml; charset=windows-1251"),
        ("<?xml version=\"1.0\"?>", cp1251, "application/xml; charset=\"windows-1251\""),
        ("<?xml version=\"1.0\" encoding=\"WINDOWS-1251\"?>", cp1251, nil),
        ("", Array("Новини".utf8), nil),
    ])
    func charsetAuthority(prolog: String, title: [UInt8], contentType: String?) throws {
        let parsed = try ParseFixture.parse(bytes: Self.legacyDoc(prolog, title), contentType: contentType)
        #expect(parsed.feed.title == "Новини" && parsed.entries.first?.title == "Новини")
    }

    @Test func byteOrderMarkOutranksEverything() throws {
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + Self.cyrillicDoc).utf8)
        #expect(try ParseFixture.parse(bytes: utf8, contentType: "text/xml; charset=windows-1251").feed.title == "Новини")
        for (bom, encoding) in [([0xFF, 0xFE] as [UInt8], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)] {
            let body = try #require(("<?xml version=\"1.0\" encoding=\"utf-16\"?>" + Self.cyrillicDoc).data(using: encoding))
            #expect(try ParseFixture.parse(bytes: bom + Array(body)).feed.title == "Новини")
        }
    }

    @Test func latin1DeclarationAndTextXMLWithoutCharset() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>".utf8) + Array("<rss version=\"2.0\"><channel><title>caf".utf8)
            + [0xE9] + Array("</title></channel></rss>".utf8)
        // RFC 7303 §8: without a charset parameter the document's own declaration decides.
        #expect(try ParseFixture.parse(bytes: bytes, contentType: "text/xml").feed.title == "café")
    }
}
