import Foundation
import Testing
@testable import VisnykKit

/// RSS 0.91 and 0.92 (no guid, optional title, Latin-1) and RSS 1.0 (RDF, Dublin Core).
@Suite struct RSSLegacyParseTests {
    @Test func rss091InLatin1WithANetscapeDoctype() throws {
        let parsed = try ParseFixture.parse("feeds/rss091.xml")
        #expect(parsed.feed.format == .rss09x)
        #expect(parsed.feed.title == "Café Weekly")
        #expect(parsed.feed.link == "http://cafe.example.com/")
        #expect(parsed.feed.description == "Coffee news from the café")
        #expect(parsed.feed.language == "en-us")
        #expect(parsed.entries.count == 2, "the channel <image> is not an item")
        let first = parsed.entries[0]
        #expect(first.title == "New roast: Ethiopia Yirgacheffe")
        #expect(first.link == "http://cafe.example.com/roasts/yirgacheffe.html")
        #expect(first.id == "http://cafe.example.com/roasts/yirgacheffe.html")
        #expect(first.summary == "Bright, floral &amp; citrus notes.")
        #expect(first.text == "Bright, floral & citrus notes.")
        let second = parsed.entries[1]
        #expect(second.title == "Opening hours")
        #expect(second.summary == nil)
        #expect(second.text == "")
        #expect(second.id == "http://cafe.example.com/hours.html")
        #expect(first.contentHash != second.contentHash)
    }

    @Test func rss092ItemsWithoutTitleOrLink() throws {
        let parsed = try ParseFixture.parse("feeds/rss092.xml")
        #expect(parsed.feed.format == .rss09x)
        #expect(parsed.feed.title == "Radio Archive")
        #expect(ParseFixture.rfc3339(parsed.feed.updated) == "2025-04-08T01:30:00Z")
        #expect(parsed.entries.count == 2)
        let show12 = parsed.entries[0]
        #expect(show12.title == nil)
        #expect(show12.link == nil)
        #expect(show12.summary == "Show 12: <a href=\"http://radio.example.net/show12\">listen</a> to the interview.")
        #expect(show12.text == "Show 12: listen to the interview.")
        #expect(show12.categories == ["Talk"])
        #expect(show12.enclosures == [Enclosure(url: "http://radio.example.net/audio/show12.mp3", type: "audio/mpeg", length: 5_242_880)])
        // No guid and no link: the id falls back to something stable and non-empty.
        #expect(!show12.id.isEmpty)
        let show11 = parsed.entries[1]
        #expect(show11.enclosures == [Enclosure(url: "http://radio.example.net/audio/show11.ogg", type: "audio/ogg", length: nil)])
        #expect(show11.id != show12.id)
    }

    @Test func rss092ParsedTwiceGivesTheSameIdentity() throws {
        let a = try ParseFixture.parse("feeds/rss092.xml")
        let b = try ParseFixture.parse("feeds/rss092.xml")
        #expect(a.entries.map(\.id) == b.entries.map(\.id))
        #expect(a.entries.map(\.contentHash) == b.entries.map(\.contentHash))
    }

    @Test func rss10RDF() throws {
        let parsed = try ParseFixture.parse("feeds/rss10.xml")
        #expect(parsed.feed.format == .rss10)
        #expect(parsed.feed.title == "Блог про RDF")
        #expect(parsed.feed.link == "https://blog.example.org/")
        #expect(parsed.feed.description == "Нотатки")
        #expect(parsed.feed.language == "uk-UA")
        #expect(ParseFixture.rfc3339(parsed.feed.updated) == "2025-03-01T08:00:00Z")
        #expect(parsed.entries.count == 2)
        let first = parsed.entries[0]
        #expect(first.id == "https://blog.example.org/posts/1")
        #expect(first.title == "Перший запис")
        #expect(first.link == "https://blog.example.org/posts/1")
        #expect(first.summary == "Опис першого запису.")
        #expect(first.content == "<p>Повний <em>текст</em> першого запису.</p>")
        #expect(first.text == "Повний текст першого запису.")
        #expect(first.authors == [Author(name: "Марія")])
        #expect(first.categories == ["RDF"])
        #expect(ParseFixture.rfc3339(first.published) == "2025-02-28T19:30:00Z")
        let second = parsed.entries[1]
        #expect(second.id == "https://blog.example.org/posts/2")
        #expect(ParseFixture.rfc3339(second.published) == "2025-03-01T09:00:00Z")
        #expect(second.text == "")
    }

    @Test func rdfAboutIsTheIdWhenThereIsNoLink() throws {
        let xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="https://x.example/"><title>X</title><link>https://x.example/</link></channel>
            <item rdf:about="urn:x:1"><title>One</title></item></rdf:RDF>
            """
        let entry = try #require(try ParseFixture.parse(string: xml).entries.first)
        #expect(entry.id == "urn:x:1")
        #expect(entry.title == "One")
    }
}
