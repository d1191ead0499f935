import Foundation
import Testing
@testable import VisnykKit

/// Spec probes on declared encodings (WHATWG labels), UTF-16 without a BOM, HTML5 numeric
/// character references, and entity declarations that must not be expanded from outside.
extension SpecProbeTests {
    @Test(arguments: [
        ("iso-8859-2", [163, 243, 100, 188] as [UInt8], "Łódź"),
        ("shift_jis", [147, 250, 150, 123, 140, 234], "日本語"),
        ("gb2312", [214, 208, 206, 196], "中文"),
        ("euc-kr", [199, 209, 177, 185, 190, 238], "한국어"),
        ("big5", [164, 164, 164, 229], "中文"),
        ("ibm866", [141, 174, 162, 168, 173, 168], "Новини"),
        ("koi8-u", [183, 214, 193, 203], "Їжак"),
        ("windows-1252", [147, 115, 109, 97, 114, 116, 148, 32, 150, 32, 128], "“smart” – €"),
    ])
    func declaredEncoding(label: String, title: [UInt8], expected: String) throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"\(label)\"?><rss version=\"2.0\"><channel><title>".utf8) + title
            + Array("</title></channel></rss>".utf8)
        #expect(try ParseFixture.parse(bytes: bytes).feed.title == expected)
    }

    @Test func utf16DeclaredWithoutAByteOrderMark() throws {
        let doc = "<?xml version=\"1.0\" encoding=\"utf-16le\"?><rss version=\"2.0\"><channel><title>Новини</title></channel></rss>"
        let bytes = doc.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try ParseFixture.parse(bytes: bytes).feed.title == "Новини")
    }

    @Test func jsonFeedInUTF16WithBOM() throws {
        let doc = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"T\",\"items\":[{\"id\":\"1\",\"title\":\"Новини\"}]}"
        let bytes: [UInt8] = [0xFF, 0xFE] + doc.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try ParseFixture.parse(bytes: bytes).entries.first?.title == "Новини")
    }

    @Test func html5NumericReferencesInEscapedHTML() throws {
        // HTML5 §13.2.5.80: 0x80–0x9F refer to windows-1252; 0, surrogates and > 0x10FFFF become U+FFFD.
        let e = try item("<title>t &amp;#150; &amp;#147;q&amp;#148;</title><description>&lt;p&gt;&amp;#150; &amp;#128;&lt;/p&gt;</description>")
        #expect(e.title == "t – “q”")
        #expect(e.summary == "<p>– €</p>")
        #expect(try item("<title><![CDATA[&#150; &#147;q&#148; &#128;]]></title>").title == "– “q” €")
        #expect(try item("<description>&lt;p&gt;&amp;#0; &amp;#xD800; &amp;#x110000; ok&lt;/p&gt;</description>").summary == "<p>\u{FFFD} \u{FFFD} \u{FFFD} ok</p>")
    }

    @Test func htmlNamedReferencesInAtomHTMLAndCase() throws {
        let e = try #require(try atom("<entry><id>e</id><title type=\"html\">&amp;ldquo;Q&amp;rdquo; &amp;frac12; &amp;trade;</title>"
            + "<content type=\"html\">&amp;lt;p&amp;gt; &amp;alpha;&amp;beta; &amp;rarr;</content></entry>").entries.first)
        #expect(e.title == "“Q” ½ ™")
        #expect(e.content == "&lt;p&gt; αβ →")
        #expect(try item("<title>&amp;AMP; &amp;COPY; &amp;Eacute;</title>").title == "& © É")
        #expect(try item("<title>a &bogus; b</title>").title == "a &bogus; b")
        #expect(try item("<description>caf&eacute; &lt;b&gt;&hearts;&lt;/b&gt;</description>").summary == "café <b>♥</b>")
        #expect(try item("<description>&lt;a href=\"http://e.org/?a=1&amp;amp;copy=2\"&gt;x&lt;/a&gt;</description>").summary
            == "<a href=\"http://e.org/?a=1&amp;copy=2\">x</a>")
    }

    @Test func externalAndExponentialEntitiesAreNeverExpanded() throws {
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>a&x;b</title></channel></rss>"
        #expect(try ParseFixture.parse(string: xxe).feed.title?.contains("root:") == false)
        var entities = "<!ENTITY a \"aaaaaaaaaa\">"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g"], ["a", "b", "c", "d", "e", "f"]) {
            entities += "<!ENTITY \(name) \"\(String(repeating: "&\(previous);", count: 10))\">"
        }
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [\(entities)]><rss version=\"2.0\"><channel><title>&g;</title></channel></rss>"
        #expect((try ParseFixture.parse(string: laughs).feed.title?.utf8.count ?? 0) < 100_000)
    }
}
