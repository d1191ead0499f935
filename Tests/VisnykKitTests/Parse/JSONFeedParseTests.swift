import Foundation
import Testing
@testable import VisnykKit

/// JSON Feed 1.0 (`author`) and 1.1 (`authors`, `language`), relative URLs.
@Suite struct JSONFeedParseTests {
    @Test func version10() throws {
        let parsed = try ParseFixture.parse("feeds/jsonfeed10.json")
        #expect(parsed.feed.format == .json10)
        #expect(parsed.feed.title == "JSON Один")
        #expect(parsed.feed.link == "https://json.example.org/")
        #expect(parsed.feed.description == "Стрічка у форматі JSON Feed 1.0")
        #expect(parsed.feed.language == nil)
        #expect(parsed.entries.count == 2)

        let first = parsed.entries[0]
        #expect(first.id == "1")
        #expect(first.title == "Перший & найкращий", "JSON titles are plain text")
        #expect(first.link == "https://json.example.org/posts/1")
        #expect(first.content == "<p>HTML <b>вміст</b>.</p>")
        #expect(first.summary == "Підсумок першого")
        #expect(first.text == "HTML вміст.")
        #expect(ParseFixture.rfc3339(first.published) == "2025-01-10T06:00:00Z")
        #expect(ParseFixture.rfc3339(first.updated) == "2025-01-11T09:30:00Z")
        #expect(first.authors == [Author(name: "Тарас", uri: "https://json.example.org/taras")])
        #expect(first.categories == ["json", "тест"])
        #expect(first.enclosures == [Enclosure(url: "https://json.example.org/a/1.mp3", type: "audio/mpeg", length: 777)])

        let second = parsed.entries[1]
        #expect(second.id == "2", "a numeric id is read as its decimal string")
        #expect(second.title == nil)
        // external_url names the page the item is about, not the item's own page (JSON Feed 1.1).
        #expect(second.link == nil)
        let content = try #require(second.content)
        #expect(content.contains("&lt;не тег&gt;"), "content_text is text: < is escaped")
        // content_text is plain text: its line breaks are the only structure it has.
        #expect(ParseFixture.lines(second.text) == "Простий текст <не тег>.\nДругий рядок.")
    }

    @Test func version11ResolvesRelativeURLsAgainstFeedURL() throws {
        let parsed = try ParseFixture.parse("feeds/jsonfeed11.json")
        #expect(parsed.feed.format == .json11)
        #expect(parsed.feed.title == "JSON Одинадцять")
        #expect(parsed.feed.link == "https://json11.example.org/")
        #expect(parsed.feed.language == "uk-UA")
        #expect(parsed.entries.count == 2)
        let first = parsed.entries[0]
        #expect(first.link == "https://json11.example.org/p/1")
        #expect(first.authors == [Author(name: "Леся"), Author(name: "Ольга", uri: "https://json11.example.org/olha")])
        let content = try #require(first.content)
        #expect(content.contains("href=\"https://json11.example.org/about\""))
        #expect(content.contains("src=\"https://json11.example.org/img/1.png\""))
        #expect(first.enclosures == [Enclosure(url: "https://json11.example.org/files/1.pdf", type: "application/pdf")])
        #expect(first.text == "Про нас і")
        let second = parsed.entries[1]
        #expect(second.authors == [Author(name: "Іван", uri: "https://ivan.example.com/")])
        #expect(second.text == "Другий запис.")
    }

    @Test func explicitBaseURLWins() throws {
        let parsed = try ParseFixture.parse("feeds/jsonfeed11.json", baseURL: "https://mirror.example.net/x/feed.json")
        #expect(parsed.feed.link == "https://mirror.example.net/")
        #expect(parsed.entries.first?.link == "https://mirror.example.net/x/p/1")
    }

    @Test func jsonOutputRoundTrips() throws {
        let parsed = try ParseFixture.parse("feeds/jsonfeed10.json")
        let object = try ParseFixture.jsonObject(parsed)
        let feed = try #require(object["feed"] as? [String: Any])
        #expect(feed["format"] as? String == "json1.0")
        #expect(feed["language"] == nil)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect((entries[1]["text"] as? String).map(ParseFixture.lines) == "Простий текст <не тег>.\nДругий рядок.")
    }
}
