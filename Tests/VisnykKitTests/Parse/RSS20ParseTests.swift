import Foundation
import Testing
@testable import VisnykKit

@Suite struct RSS20ParseTests {
    let parsed: ParsedFeed

    init() throws {
        parsed = try ParseFixture.parse("feeds/rss20-full.xml")
    }

    @Test func channel() {
        let feed = parsed.feed
        #expect(feed.format == .rss20)
        #expect(feed.title == "Вісник Тестовий")
        #expect(feed.link == "https://news.example.org/")
        #expect(feed.description == "Новини <b>тестового</b> міста")
        #expect(feed.language == "uk")
        #expect(ParseFixture.rfc3339(feed.updated) == "2025-04-23T09:00:00Z")
        #expect(parsed.entries.count == 3)
        #expect(parsed.warnings.isEmpty)
    }

    @Test func contentEncodedIsContentAndDescriptionIsSummary() throws {
        let entry = try #require(parsed.entries.first)
        #expect(entry.id == "first-2025-04-23")
        #expect(entry.title == "Перша новина")
        #expect(entry.link == "https://news.example.org/2025/04/first")
        #expect(entry.summary == "<p>Короткий <b>анонс</b> першої новини.</p>")
        let content = try #require(entry.content)
        #expect(content.hasPrefix("<p>Повний текст <a href="))
        #expect(content.contains(">першої</a> новини.</p><p>Другий абзац.</p>"))
        #expect(!content.contains("script"))
        #expect(!content.contains("alert"))
        #expect(ParseFixture.lines(entry.text) == "Повний текст першої новини.\nДругий абзац.")
        #expect(ParseFixture.rfc3339(entry.published) == "2025-04-23T06:15:00Z")
        #expect(entry.contentHash.hasPrefix("sha256:"))
        #expect(entry.contentHash.count == 7 + 64)
    }

    @Test func creatorsCategoriesAndEnclosures() throws {
        let entry = try #require(parsed.entries.first)
        #expect(entry.authors == [Author(name: "Олена Петренко")])
        #expect(Set(entry.categories) == ["Новини", "Львів", "Політика"])
        #expect(entry.categories.count == 3)
        // media:thumbnail is a preview image, not an attachment of the article.
        #expect(entry.enclosures == [
            Enclosure(url: "https://cdn.example.org/audio/first.mp3", type: "audio/mpeg", length: 123_456),
            Enclosure(url: "https://cdn.example.org/img/first.jpg", type: "image/jpeg", length: 2048),
        ])
    }

    @Test func permalinkGuidWithoutLinkBecomesTheLink() throws {
        let entry = parsed.entries[1]
        #expect(entry.id == "https://news.example.org/2025/04/second")
        #expect(entry.link == "https://news.example.org/2025/04/second")
        #expect(entry.title == "Друга новина")
        #expect(entry.summary == "Лише опис, <i>без</i> повного тексту.")
        #expect(entry.content == nil)
        #expect(entry.text == "Лише опис, без повного тексту.")
        #expect(entry.authors == [Author(name: "Іван Франко")])
        #expect(ParseFixture.rfc3339(entry.published) == "2025-04-22T18:00:00Z")
        #expect(entry.enclosures == [
            Enclosure(url: "https://cdn.example.org/video/second-720.mp4", type: "video/mp4", length: 1_000_000),
            Enclosure(url: "https://cdn.example.org/video/second-1080.mp4", type: "video/mp4", length: 2_000_000),
        ])
    }

    @Test func atomAlternateLinkAndEmailAuthor() throws {
        let entry = parsed.entries[2]
        #expect(entry.link == "https://news.example.org/2025/04/third")
        #expect(entry.id == "https://news.example.org/?p=3")
        #expect(entry.authors == [Author(name: "Головний Редактор", email: "editor@example.org")])
        #expect(entry.published == nil)
        #expect(entry.categories.isEmpty)
        #expect(entry.enclosures.isEmpty)
    }

    @Test func guidNotPermaLinkIsNeverTheLink() throws {
        let xml = ParseFixture.rss(items: "<item><title>x</title><guid isPermaLink=\"false\">https://example.org/not-a-page</guid></item>")
        let entry = try #require(try ParseFixture.parse(string: xml).entries.first)
        #expect(entry.id == "https://example.org/not-a-page")
        #expect(entry.link == nil)
    }

    @Test func entryWithoutGuidIsIdentifiedByItsLink() throws {
        let xml = ParseFixture.rss(items: "<item><title>x</title><link>https://example.org/a</link></item>")
        let entry = try #require(try ParseFixture.parse(string: xml).entries.first)
        #expect(entry.id == "https://example.org/a")
    }

    @Test func articleJSONFollowsTheContract() throws {
        let object = try ParseFixture.jsonObject(parsed)
        #expect(Set(object.keys) == ["feed", "entries"])
        let feed = try #require(object["feed"] as? [String: Any])
        #expect(feed["format"] as? String == "rss2.0")
        #expect(feed["updated"] as? String == "2025-04-23T09:00:00Z")
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.count == 3)
        let first = entries[0]
        #expect(first["published"] as? String == "2025-04-23T06:15:00Z")
        #expect(first["updated"] == nil, "absent values are omitted, not null")
        let enclosure = try #require((first["enclosures"] as? [[String: Any]])?.first)
        #expect(enclosure["length"] as? Int == 123_456)
        let author = try #require((first["authors"] as? [[String: Any]])?.first)
        #expect(author["name"] as? String == "Олена Петренко")
        #expect(author["email"] == nil)
        let allowed: Set<String> = ["id", "title", "link", "published", "updated", "authors", "summary",
                                    "content", "text", "categories", "enclosures", "contentHash"]
        for entry in entries {
            #expect(Set(entry.keys).isSubset(of: allowed))
            #expect(entry["contentHash"] is String)
        }
        #expect(!parsed.json.contains("null"))
        #expect(!parsed.json.contains("\n"))
    }

    @Test func relativeLinksResolveAgainstTheBaseURL() throws {
        let parsed = try ParseFixture.parse("feeds/rss20-relative.xml", baseURL: "https://rel.example.org/news/feed.xml")
        #expect(parsed.feed.link == "https://rel.example.org/")
        let entry = try #require(parsed.entries.first)
        #expect(entry.link == "https://rel.example.org/news/posts/relative.html")
        let content = try #require(entry.content)
        #expect(content.contains("href=\"https://rel.example.org/other.html\""))
        #expect(content.contains("src=\"https://rel.example.org/img/a.png\""))
        #expect(entry.enclosures == [Enclosure(url: "https://rel.example.org/news/media/a.mp3", type: "audio/mpeg", length: 10)])
    }
}
