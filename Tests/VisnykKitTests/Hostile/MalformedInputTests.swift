import Foundation
import Testing
@testable import VisnykKit

/// Broken bytes and broken structure: never a crash, an error that says what is wrong, or
/// as much of the feed as can be read.
@Suite struct MalformedInputTests {
    @Test func emptyInput() {
        #expect(ParseFixture.failure([]) == .empty)
    }

    @Test func onlyWhitespace() {
        #expect(ParseFixture.failure(Array(" \n\t\r\n   ".utf8)) == .empty)
        #expect(ParseFixture.failure([0xEF, 0xBB, 0xBF, 0x20, 0x0A]) == .empty, "a BOM and blanks are still empty")
    }

    @Test func emptyErrorNamesTheInput() {
        let message = FeedParseError(input: "feeds/x.xml", reason: .empty).description
        #expect(message.hasPrefix("feeds/x.xml: "))
    }

    @Test func invalidUTF8InADeclaredUTF8Feed() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bad bytes</title><item><title>Привіт ".utf8)
        bytes += [0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80]
        bytes += Array(" світ</title><description>Далі все гаразд.</description></item><item><title>Друга</title></item></channel></rss>".utf8)
        let parsed = try ParseFixture.parse(bytes: bytes)
        #expect(parsed.entries.count == 2)
        let title = try #require(parsed.entries.first?.title)
        #expect(title.hasPrefix("Привіт"))
        #expect(title.hasSuffix("світ"))
        #expect(title.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" || $0.value < 0xD800 || $0.value > 0xDFFF })
        #expect(parsed.entries.first?.text == "Далі все гаразд.")
        #expect(parsed.entries.last?.title == "Друга")
    }

    @Test func nulBytesInTheMiddleOfText() throws {
        var bytes = Array("<rss version=\"2.0\"><channel><title>N</title><item><title>before".utf8)
        bytes += [0x00, 0x00]
        bytes += Array("after</title><description>x\u{0}y</description></item><item><title>second item</title></item></channel></rss>".utf8)
        let full = try ParseFixture.parse(bytes: bytes)
        let titles = full.entries.compactMap(\.title)
        #expect(titles.contains("second item"), "a NUL must not end the document")
        let first = try #require(full.entries.first?.title)
        #expect(!first.contains("\u{0}"))
        #expect(first.hasPrefix("before"))
        #expect(!full.json.contains("\\u0000"))
    }

    @Test func truncatedDocument() throws {
        let whole = try Fixture.bytes("feeds/rss20-full.xml")
        let cut = Array(whole[..<(whole.count * 2 / 3)])
        let parsed = try ParseFixture.parse(bytes: cut)
        #expect(parsed.feed.title == "Вісник Тестовий")
        #expect(parsed.entries.first?.id == "first-2025-04-23")
        #expect(!parsed.warnings.isEmpty)
    }

    @Test func truncatedInsideTheXMLDeclaration() {
        let reason = ParseFixture.failure(Array("<?xml vers".utf8))
        #expect(reason != nil)
    }

    @Test func truncatedJSONFeed() throws {
        let whole = try Fixture.bytes("feeds/jsonfeed10.json")
        guard case .malformedJSON? = ParseFixture.failure(Array(whole[..<(whole.count / 2)])) else {
            Issue.record("a truncated JSON Feed is malformed JSON")
            return
        }
    }

    @Test func textThatIsNotMarkup() {
        guard case .some = ParseFixture.failure(Array("just some words, not a feed".utf8)) else {
            Issue.record("plain text must be refused")
            return
        }
    }

    @Test func binaryGarbage() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = HostileSupport.parse(bytes)
        }
        let pngHeader: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 100)
        #expect(ParseFixture.failure(pngHeader) != nil)
    }

    @Test func jsonFeedThatIsAnArray() {
        let json = "[{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"x\",\"items\":[]}]"
        guard case .notAFeed? = ParseFixture.failure(Array(json.utf8)) else {
            Issue.record("a JSON array is not a JSON Feed")
            return
        }
    }

    @Test func jsonScalarsAreNotFeeds() {
        for json in ["\"https://jsonfeed.org/version/1.1\"", "42", "null", "true"] {
            #expect(ParseFixture.failure(Array(json.utf8)) != nil, "\(json)")
        }
    }

    @Test func jsonFeedWithWrongTypes() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": 42, "home_page_url": ["x"],
             "language": {"a": 1}, "authors": "nobody", "description": null,
             "items": [
               "not an object", 7, null,
               {"id": {"nested": true}, "title": ["a"], "url": 5, "content_html": 3.5,
                "tags": "news", "attachments": {"url": "x"}, "date_published": 20250101,
                "authors": [1, "x", {"name": 2}]},
               {"id": true, "title": "ok", "content_text": "fine", "tags": [1, "t", null],
                "attachments": [{"url": 9}, {"url": "https://a.example/f.mp3", "size_in_bytes": "big"}]}
             ]}
            """
        let result = HostileSupport.parse(Array(json.utf8))
        guard case .success(let parsed) = result else {
            // Refusing is acceptable too, as long as it is a clear error rather than a crash.
            return
        }
        #expect(parsed.feed.format == .json11)
        #expect(parsed.entries.count <= 2)
        let ok = try #require(parsed.entries.last)
        #expect(ok.title == "ok")
        #expect(ok.text == "fine")
        #expect(ok.categories.contains("t"))
        #expect(ok.enclosures.allSatisfy { $0.url == "https://a.example/f.mp3" })
        #expect(ok.id != "true" && ok.id != "1", "a boolean is not an id")
        _ = try ParseFixture.jsonObject(parsed)
    }

    @Test func jsonFeedWhoseItemsIsNotAnArray() throws {
        let json = "{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"T\",\"items\":{\"id\":\"1\"}}"
        if case .success(let parsed) = HostileSupport.parse(Array(json.utf8)) {
            #expect(parsed.entries.isEmpty)
            #expect(parsed.feed.title == "T")
        }
    }

    @Test func rssWithoutChannel() {
        if case .success(let parsed) = HostileSupport.parse("<rss version=\"2.0\"></rss>") {
            #expect(parsed.entries.isEmpty)
        }
    }

    @Test func atomEntryWithEverythingEmpty() throws {
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id> </id><title/><link/><content type=\"html\"/><author/></entry></feed>"
        let parsed = try ParseFixture.parse(string: xml)
        let entry = try #require(parsed.entries.first)
        #expect(!entry.id.isEmpty, "an entry always has an id")
        #expect(entry.title == nil)
        #expect(entry.link == nil)
        #expect(entry.authors.isEmpty)
        #expect(entry.contentHash.hasPrefix("sha256:"))
    }

    @Test func hostileURLsInAttributes() throws {
        let xml = ParseFixture.rss(items: """
            <item><title>x</title><link>javascript:alert(1)</link>
            <description><![CDATA[<a href="javascript:alert(2)">a</a><img src="data:text/html,<script>x</script>"><a href="vbscript:y">b</a>]]></description>
            <enclosure url="javascript:alert(3)" type="audio/mpeg" length="1"/></item>
            """)
        let parsed = try ParseFixture.parse(string: xml)
        let entry = try #require(parsed.entries.first)
        #expect(!(entry.summary ?? "").lowercased().contains("javascript:"))
        #expect(!(entry.summary ?? "").lowercased().contains("vbscript:"))
        #expect(!(entry.summary ?? "").contains("<script"))
        // The link ends up as an href in digests: a script URL must not survive.
        #expect(entry.link?.lowercased().hasPrefix("javascript:") != true)
        #expect(!entry.enclosures.contains { $0.url.lowercased().hasPrefix("javascript:") })
    }
}
