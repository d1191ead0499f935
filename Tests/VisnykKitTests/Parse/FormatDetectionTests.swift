import Foundation
import Testing
@testable import VisnykKit

/// The format comes from the content, never from the file name or the Content-Type.
@Suite struct FormatDetectionTests {
    @Test func atomInAFileNamedRSS() throws {
        let parsed = try ParseFixture.parse("feeds/atom-named.rss")
        #expect(parsed.feed.format == .atom10)
        #expect(parsed.entries.count == 3)
    }

    @Test func rssServedAsJSON() throws {
        let parsed = try ParseFixture.parse("feeds/rss20-full.xml", contentType: "application/json")
        #expect(parsed.feed.format == .rss20)
        #expect(parsed.entries.count == 3)
    }

    @Test func jsonFeedServedAsXML() throws {
        let parsed = try ParseFixture.parse("feeds/jsonfeed11.json", contentType: "application/rss+xml; charset=utf-8")
        #expect(parsed.feed.format == .json11)
    }

    @Test func atomServedAsTextHTML() throws {
        let parsed = try ParseFixture.parse("feeds/atom03.xml", contentType: "text/html")
        #expect(parsed.feed.format == .atom03)
    }

    @Test func leadingWhitespaceCommentsAndProcessingInstructions() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- generated -->
            <?xml-stylesheet type="text/xsl" href="/style.xsl"?>
            <rss version="2.0"><channel><title>Styled</title><item><title>i</title></item></channel></rss>
            """
        let parsed = try ParseFixture.parse(string: xml)
        #expect(parsed.feed.format == .rss20)
        #expect(parsed.feed.title == "Styled")
    }

    @Test func blankLinesBeforeTheXMLDeclaration() throws {
        // Common with PHP-generated feeds: not well-formed, but nothing is lost.
        let xml = "\n\n  " + ParseFixture.rss(items: "<item><title>after blanks</title></item>")
        let parsed = try ParseFixture.parse(string: xml)
        #expect(parsed.feed.format == .rss20)
        #expect(parsed.entries.first?.title == "after blanks")
    }

    @Test func rssWithoutVersionIsStillRSS() throws {
        let parsed = try ParseFixture.parse(string: "<rss><channel><title>No version</title><item><title>i</title></item></channel></rss>")
        #expect(parsed.feed.title == "No version")
        #expect(parsed.entries.count == 1)
        #expect([FeedFormat.rss20, .rss09x].contains(parsed.feed.format))
    }

    @Test func atomWithoutNamespaceIsStillAtom() throws {
        let parsed = try ParseFixture.parse(string: "<feed><title>Bare</title><entry><id>1</id><title>e</title></entry></feed>")
        #expect(parsed.feed.format == .atom10)
        #expect(parsed.entries.first?.title == "e")
    }

    @Test func htmlPageIsNotAFeed() throws {
        let reason = ParseFixture.failure(try Fixture.bytes("feeds/not-a-feed.html"))
        guard case .notAFeed(let why)? = reason else {
            Issue.record("expected notAFeed, got \(String(describing: reason))")
            return
        }
        #expect(why.contains("HTML"))
        let error = FeedParseError(input: "https://site.example/", reason: .notAFeed(why))
        #expect(error.description.hasPrefix("https://site.example/: "))
        #expect(error.description.contains("not a feed"))
    }

    @Test func xhtmlPageIsNotAFeed() {
        let page = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body/></html>"
        guard case .notAFeed? = ParseFixture.failure(Array(page.utf8)) else {
            Issue.record("an XHTML page must be refused as not a feed")
            return
        }
    }

    @Test func otherXMLIsNotAFeed() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>no</title></svg>"
        guard case .notAFeed(let why)? = ParseFixture.failure(Array(svg.utf8)) else {
            Issue.record("SVG must be refused as not a feed")
            return
        }
        #expect(why.contains("svg"))
    }

    @Test func jsonThatIsNotAFeed() {
        let json = "{\"name\": \"package\", \"version\": \"1.0.0\"}"
        guard case .notAFeed? = ParseFixture.failure(Array(json.utf8)) else {
            Issue.record("a JSON object without a jsonfeed.org version must be refused")
            return
        }
    }
}
