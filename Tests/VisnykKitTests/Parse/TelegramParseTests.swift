import Foundation
import Testing
@testable import VisnykKit

/// t.me/s pages built from the skeleton in notes/telegram.md, one case per pitfall there.
@Suite struct TelegramParseTests {
    private func northwind() throws -> ParsedFeed {
        try ParseFixture.parse("telegram/northwind.html")
    }

    private func entry(_ parsed: ParsedFeed, _ number: Int) throws -> Entry {
        try #require(parsed.entries.first { $0.id == "northwind_rail/\(number)" })
    }

    @Test func aSavedChannelPageIsDetectedByItsContent() throws {
        let parsed = try northwind()
        #expect(parsed.feed.format == .telegram)
        #expect(parsed.feed.title == "Northwind Rail Notes 🚆")
        #expect(parsed.feed.link == "https://t.me/northwind_rail")
        #expect(parsed.feed.description?.contains("Not an official channel.") == true)
        // The page is not XML: nothing may fall through to the XML parser's messages.
        #expect(parsed.warnings.isEmpty)
    }

    @Test func newestFirstAndServiceMessagesSkipped() throws {
        let parsed = try northwind()
        #expect(parsed.entries.map(\.id) == (1199...1203).reversed().map { "northwind_rail/\($0)" })
    }

    @Test func idLinkAndPublishedComeFromThePost() throws {
        let post = try entry(try northwind(), 1200)
        #expect(post.link == "https://t.me/northwind_rail/1200")
        #expect(ParseFixture.rfc3339(post.published) == "2026-03-02T07:40:00Z")
    }

    @Test func signedEditedPostWithEmojiLinkAndHashtag() throws {
        let post = try entry(try northwind(), 1199)
        #expect(post.authors == [Author(name: "Dana K.")])
        #expect(post.title == "🚧 Saturday: no trains between Elmstead and Harrow Cross")
        #expect(post.text.hasPrefix("🚧 Saturday: no trains"))
        #expect(post.categories == ["engineering"])
        #expect(post.content?.contains("href=\"https://example.org/works?line=nw&amp;day=sat\"") == true)
        #expect(post.content?.contains("background-image") == false)
        #expect(post.content?.contains("onclick") == false)
    }

    @Test func forwardedPostNamesItsSource() throws {
        let post = try entry(try northwind(), 1200)
        #expect(post.content?.contains("Forwarded from <a href=\"https://t.me/harrow_cross_station/77\">Станция Харроу-Кросс</a>") == true)
        #expect(post.title == "Касса на платформе 2 закрыта до понедельника")
    }

    @Test func replyBodyIsTheMessageNotTheQuotedSnippet() throws {
        let post = try entry(try northwind(), 1201)
        #expect(post.title == "Update: the bus timetable is now online")
        #expect(!post.text.contains("Saturday: no trains"))
        #expect(post.content?.contains("In reply to <a href=\"https://t.me/northwind_rail/1199\">") == true)
    }

    @Test func linkPreviewIsKept() throws {
        let post = try entry(try northwind(), 1201)
        let content = try #require(post.content)
        #expect(content.contains("<a href=\"https://example.org/buses\">Rail replacement buses – March</a>"))
        #expect(content.contains("Stops, times and accessibility notes."))
        #expect(content.contains("fixture-preview.jpg"))
        #expect(post.enclosures.isEmpty)
    }

    @Test func photoOnlyPostGetsTheFallbackTitle() throws {
        let post = try entry(try northwind(), 1202)
        #expect(post.title == "Photo")
        #expect(post.text.isEmpty)
        #expect(post.enclosures == [Enclosure(url: "https://cdn4.telesco.pe/file/fixture-photo-1202.jpg", type: "image/jpeg")])
        // Media URLs are signed and expire: the article's link is the permalink.
        #expect(post.link == "https://t.me/northwind_rail/1202")
        // Without text the hash takes the link, so two photo posts do not collide.
        let parsed = try ParseFixture.parse(string: String(decoding: try Fixture.bytes("telegram/northwind.html"), as: UTF8.self)
            .replacingOccurrences(of: "northwind_rail/1202\"", with: "northwind_rail/1299\""))
        #expect(try #require(parsed.entries.first { $0.id == "northwind_rail/1299" }).contentHash != post.contentHash)
    }

    @Test func albumCaptionOnceAndEveryMember() throws {
        let post = try entry(try northwind(), 1203)
        #expect(post.text == "New platform canopy at Elmstead, three views.")
        #expect(post.content?.components(separatedBy: "New platform canopy").count == 2)
        #expect(post.enclosures.map(\.url) == [
            "https://cdn4.telesco.pe/file/fixture-album-a.jpg",
            "https://cdn4.telesco.pe/file/fixture-album-b.mp4?token=FIXTURE",
            "https://cdn4.telesco.pe/file/fixture-album-c.jpg",
        ])
        #expect(post.enclosures.map(\.type) == ["image/jpeg", "video/mp4", "image/jpeg"])
    }

    @Test func doubleEscapedLinkIsRepaired() throws {
        let parsed = try ParseFixture.parse("telegram/media.html")
        let post = try #require(parsed.entries.first { $0.id == "northwind_rail/1306" })
        let content = try #require(post.content)
        #expect(content.contains("href=\"https://example.org/works?line=nw&amp;day=sun&amp;lang=en\""))
        #expect(!content.contains("&amp;amp;"))
        // A relative link (no onclick) is made absolute, not "repaired".
        #expect(content.contains("href=\"https://t.me/northwind_rail/1199\""))
    }

    @Test func emojiWithoutCharacterIsReadFromItsImageName() throws {
        let parsed = try ParseFixture.parse("telegram/media.html")
        let post = try #require(parsed.entries.first { $0.id == "northwind_rail/1306" })
        #expect(post.title == "⚠ Works extended: details and the earlier post #ремонт")
        #expect(post.categories == ["ремонт"])
    }

    @Test func emptyTextPostsAreNamedAfterWhatTheyHold() throws {
        let parsed = try ParseFixture.parse("telegram/media.html")
        let titles = Dictionary(uniqueKeysWithValues: parsed.entries.map { ($0.id, $0.title ?? "") })
        #expect(titles["northwind_rail/1300"] == "Poll: Which replacement bus stop do you use?")
        #expect(titles["northwind_rail/1301"] == "Video")
        #expect(titles["northwind_rail/1302"] == "Voice message")
        #expect(titles["northwind_rail/1304"] == "Sticker")
        #expect(titles["northwind_rail/1303"] == "The full March timetable as a PDF")
        #expect(titles["northwind_rail/1307"] == nil, "a service message is not an article")
    }

    @Test func mediaBecomeEnclosuresOrHTML() throws {
        let parsed = try ParseFixture.parse("telegram/media.html")
        let byID = Dictionary(uniqueKeysWithValues: parsed.entries.map { ($0.id, $0) })
        #expect(byID["northwind_rail/1301"]?.enclosures == [Enclosure(url: "https://cdn4.telesco.pe/file/fixture-1301.mp4?token=FIXTURE", type: "video/mp4")])
        #expect(byID["northwind_rail/1302"]?.enclosures == [Enclosure(url: "https://cdn4.telesco.pe/file/fixture-1302.ogg?token=FIXTURE", type: "audio/ogg")])
        #expect(byID["northwind_rail/1303"]?.content?.contains("march-timetable.pdf (412.5 KB)") == true)
        #expect(byID["northwind_rail/1300"]?.content?.contains("<li>Harrow Cross Road</li>") == true)
        #expect(byID["northwind_rail/1305"]?.content?.contains("view it in Telegram") == true)
    }

    @Test func longCaptionIsCutAtAWordBoundary() throws {
        let parsed = try ParseFixture.parse("telegram/media.html")
        let title = try #require(parsed.entries.first { $0.id == "northwind_rail/1305" }?.title)
        #expect(title.count <= 120)
        #expect(title == "A very long caption that goes on about the new signalling system at Harrow Cross and why it will take three more…")
    }

    @Test func titleRules() {
        #expect(TelegramTitle.firstSentence(of: "First one. Second one.") == "First one")
        #expect(TelegramTitle.firstSentence(of: "Really? Yes.") == "Really?")
        #expect(TelegramTitle.firstSentence(of: "Version 2.5 is out") == "Version 2.5 is out")
        #expect(TelegramTitle.shortened(String(repeating: "x", count: 200)).count == 120)
    }

    @Test func viewCounts() {
        #expect(TelegramPostParser.viewCount("982") == 982)
        #expect(TelegramPostParser.viewCount("3.4K") == 3400)
        #expect(TelegramPostParser.viewCount("1.1M") == 1_100_000)
        #expect(TelegramPostParser.viewCount("lots") == nil)
    }

    @Test func pageWireTypeKeepsPagingEditsAndViews() throws {
        let page = try #require(TelegramPageParser.parse(try Fixture.bytes("telegram/northwind.html"), url: nil))
        #expect(page.olderPageBefore == 1198)
        #expect(page.posts.map(\.number) == Array(1198...1203))
        #expect(page.posts[0].isService)
        #expect(page.posts[0].views == nil)
        #expect(page.posts[1].edited)
        #expect(page.posts[1].views == 3400)
        #expect(!page.posts[2].edited)
        let media = try #require(TelegramPageParser.parse(try Fixture.bytes("telegram/media.html"), url: nil))
        #expect(media.olderPageBefore == 1300)
    }

    @Test func previewDisabledPageIsATypedError() throws {
        let reason = ParseFixture.failure(try Fixture.bytes("telegram/preview-disabled.html"))
        #expect(reason == .telegramPreviewUnavailable(channel: "quiet_depot"))
        let error = FeedParseError(input: "t.me/s/quiet_depot", reason: try #require(reason))
        #expect(error.description.contains("turned the web preview off"))
    }

    @Test func noMessagesPageIsATypedError() throws {
        let reason = ParseFixture.failure(try Fixture.bytes("telegram/no-messages.html"))
        #expect(reason == .telegramNoMessages(channel: "fresh_timetables"))
    }

    @Test func anHTMLPageWithoutTelegramMarkupIsStillNotAFeed() {
        let reason = ParseFixture.failure(Array("<!DOCTYPE html><html><body><p>hello</p></body></html>".utf8))
        guard case .notAFeed = reason else {
            Issue.record("expected notAFeed, got \(String(describing: reason))")
            return
        }
    }

    @Test func hostileMarkupStaysOut() throws {
        let html = """
            <!DOCTYPE html><html><body><section class="tgme_channel_history">
            <div class="tgme_widget_message" data-post="evil/1"><div class="tgme_widget_message_bubble">
            <div class="tgme_widget_message_text js-message_text"><script>alert(1)</script><a href="javascript:alert(1)">x</a>\
            <img src="x" onerror="alert(1)"> safe words</div>
            <a class="tgme_widget_message_date" href="javascript:alert(2)"><time datetime="not a date">1</time></a>
            </div></div></section></body></html>
            """
        let parsed = try ParseFixture.parse(string: html)
        let output = ParseFixture.allOutput(parsed)
        #expect(!output.contains("alert(1)"))
        #expect(!output.contains("onerror"))
        #expect(parsed.entries.first?.link == nil)
        #expect(parsed.entries.first?.published == nil)
        #expect(parsed.warnings.contains { $0.contains("evil/1") })
    }

    @Test func deeplyNestedPageDoesNotCrash() throws {
        let deep = String(repeating: "<div>", count: 5000) + "x" + String(repeating: "</div>", count: 5000)
        let html = "<!DOCTYPE html><html><body><section class=\"tgme_channel_history\">"
            + "<div class=\"tgme_widget_message\" data-post=\"deep/7\"><div class=\"tgme_widget_message_text\">"
            + deep + "</div></div></section></body></html>"
        let parsed = try ParseFixture.parse(string: html)
        #expect(parsed.entries.map(\.id) == ["deep/7"])
    }
}
