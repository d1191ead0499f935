import Foundation
import Testing
@testable import VisnykKit

/// What publishers put in XML text: HTML entities XML does not define, bare ampersands,
/// double escaping, numeric references, control characters, and broken structure.
@Suite struct EntityParseTests {
    private func firstEntry(_ items: String) throws -> Entry {
        let parsed = try ParseFixture.parse(string: ParseFixture.rss(items: items))
        return try #require(parsed.entries.first)
    }

    @Test func htmlEntitiesThatXMLDoesNotDefine() throws {
        let entry = try firstEntry("""
            <item><title>Ціна&nbsp;100&nbsp;грн &mdash; &laquo;Так&raquo;&hellip;</title>
            <description>Текст&nbsp;&mdash; &copy; 2025 &euro;5 &laquo;ok&raquo;</description></item>
            """)
        let title = try #require(entry.title)
        #expect(title.replacingOccurrences(of: "\u{00A0}", with: " ") == "Ціна 100 грн — «Так»…")
        #expect(!entry.text.contains("&"))
        #expect(entry.text.replacingOccurrences(of: "\u{00A0}", with: " ") == "Текст — © 2025 €5 «ok»")
    }

    @Test func entitiesInsideAnAtomFeedToo() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Атом&nbsp;&ndash;&nbsp;тест</title>
            <entry><id>1</id><title>&laquo;Цитата&raquo;</title><content type="html">&lt;p&gt;a&lt;/p&gt;&hellip;</content></entry></feed>
            """
        let parsed = try ParseFixture.parse(string: xml)
        #expect(parsed.feed.title?.replacingOccurrences(of: "\u{00A0}", with: " ") == "Атом – тест")
        #expect(parsed.entries.first?.title == "«Цитата»")
        #expect(parsed.entries.first?.text.hasSuffix("…") == true)
    }

    @Test func bareAmpersandInATitle() throws {
        let entry = try firstEntry("<item><title>Tom & Jerry, AT&T &c. &amp; more</title><description>R&D &foo; x</description></item>")
        #expect(entry.title == "Tom & Jerry, AT&T &c. & more")
        #expect(entry.text == "R&D &foo; x")
    }

    @Test func doubleEscapedMarkupInATitleIsDecoded() throws {
        let entry = try firstEntry("<item><title>&amp;lt;b&amp;gt;Важливо&amp;lt;/b&amp;gt; сьогодні &amp;amp; завтра</title></item>")
        let title = try #require(entry.title)
        #expect(!title.contains("&lt;"))
        #expect(!title.contains("&gt;"))
        #expect(!title.contains("&amp;"))
        let withoutTags = title.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
        #expect(withoutTags == "Важливо сьогодні & завтра")
    }

    @Test func escapedMarkupInATitleBecomesText() throws {
        let entry = try firstEntry("<item><title>&lt;b&gt;Важливо&lt;/b&gt; &amp;quot;так&amp;quot;</title></item>")
        #expect(entry.title == "Важливо \"так\"")
    }

    @Test func numericCharacterReferences() throws {
        let entry = try firstEntry("<item><title>&#1050;&#x438;&#X457;&#1074; &#x1F600;</title><description>&#169; &#8212;</description></item>")
        #expect(entry.title == "Київ 😀")
        #expect(entry.text == "© —")
    }

    @Test func referencesToCharactersXMLForbidsAreDropped() throws {
        let entry = try firstEntry("<item><title>a&#0;b&#x1;c&#xD800;d&#xFFFE;e&#x110000;f</title><description>ok</description></item>")
        let title = try #require(entry.title)
        #expect(!title.unicodeScalars.contains { $0.value < 0x20 })
        #expect(title.replacingOccurrences(of: "\u{FFFD}", with: "") == "abcdef")
    }

    @Test func illegalControlCharactersInTextAreDropped() throws {
        let xml = ParseFixture.rss(items: "<item><title>a\u{01}b\u{0B}c\u{1F}d\u{7F}e</title><description>x\u{0C}y\u{08}z</description></item>")
        let parsed = try ParseFixture.parse(string: xml)
        let entry = try #require(parsed.entries.first)
        let title = try #require(entry.title)
        #expect(!title.unicodeScalars.contains { $0.value < 0x20 })
        #expect(title.replacingOccurrences(of: "\u{7F}", with: "") == "abcde")
        #expect(entry.text == "xyz")
        #expect(entry.id != "", "the document is still read")
    }

    @Test func unclosedTagIsReadInRecoveryModeWithAWarning() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>One</title><link>https://example.org/1</link><description>first <b>bold</description></item>
            <item><title>Two</title><link>https://example.org/2</link></item>
            </channel></rss>
            """
        let parsed = try ParseFixture.parse(string: xml)
        #expect(parsed.feed.title == "Broken")
        #expect(parsed.entries.first?.title == "One")
        #expect(parsed.entries.first?.link == "https://example.org/1")
        #expect(!parsed.warnings.isEmpty)
        #expect(parsed.warnings.contains { $0.contains("recovery") })
    }

    @Test func mismatchedClosingTagsKeepLaterItems() throws {
        let xml = """
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>One</title></itme>
            <item><title>Two</title></item>
            </channel></rss>
            """
        let parsed = try ParseFixture.parse(string: xml)
        #expect(parsed.entries.first?.title == "One")
        #expect(!parsed.warnings.isEmpty)
    }

    @Test func cdataWithEntitiesInsideIsHTML() throws {
        let entry = try firstEntry("<item><title><![CDATA[Tom &amp; Jerry]]></title><description><![CDATA[<p>x &mdash; y</p>]]></description></item>")
        #expect(entry.title == "Tom & Jerry")
        #expect(entry.text == "x — y")
    }
}
