import Foundation
import Testing
@testable import VisnykKit

/// Atom 0.3: tagline, issued/modified, content modes escaped, base64 and xml.
@Suite struct Atom03ParseTests {
    let parsed: ParsedFeed

    init() throws {
        parsed = try ParseFixture.parse("feeds/atom03.xml")
    }

    @Test func feedMetadata() {
        #expect(parsed.feed.format == .atom03)
        #expect(parsed.feed.title == "Old Atom")
        #expect(parsed.feed.description == "A feed from 2004", "tagline is the description")
        #expect(parsed.feed.link == "http://old.example.com/")
        #expect(parsed.feed.language == "en")
        #expect(ParseFixture.rfc3339(parsed.feed.updated) == "2004-05-01T12:00:00Z")
        #expect(parsed.entries.count == 3)
    }

    @Test func issuedIsPublishedModifiedIsUpdated() {
        let entry = parsed.entries[0]
        #expect(ParseFixture.rfc3339(entry.published) == "2004-04-30T14:00:00Z")
        #expect(ParseFixture.rfc3339(entry.updated) == "2004-04-30T15:00:00Z")
        #expect(entry.authors == [Author(name: "Mark")])
        #expect(entry.link == "http://old.example.com/2004/04/escaped")
        #expect(entry.id == "tag:old.example.com,2004:1")
    }

    @Test func contentModes() {
        #expect(parsed.entries[0].content == "<p>Escaped <b>HTML</b>.</p>")
        #expect(parsed.entries[0].text == "Escaped HTML.")
        #expect(parsed.entries[1].content == "<p>Base64 <i>content</i>.</p>")
        #expect(parsed.entries[1].text == "Base64 content.")
        #expect(parsed.entries[2].content == "<p>Inline <strong>xhtml</strong>.</p>")
        #expect(parsed.entries[2].summary == "Inline summary")
        #expect(parsed.entries[2].text == "Inline xhtml.")
    }
}
