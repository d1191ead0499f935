import Foundation
import Testing
@testable import VisnykKit

@Suite struct SpoolDocumentEMLTests {
    let longTitle = "Львівська міська рада ухвалила програму «Зелене місто» на 2027–2030 роки: що зміниться для мешканців 🌳"

    func message(_ entry: Entry, feedTitle: String? = "Leopolis.news", source: String = "Leopolis.news",
                 updates: String? = nil, scope: String = "") throws -> EMLMessage {
        var feed = makeFeed([]).feed
        feed.title = feedTitle
        let document = SpoolDocument(entry: entry, feed: feed, source: source, fetchedAt: sampleFetchTime, updates: updates, scope: scope)
        return try EMLMessage(document.bytes(format: .eml, domain: "box.example.org"))
    }

    @Test func messageHasTheHeadersCRLFLinesAndBase64HTMLBody() throws {
        var entry = makeEntry(id: "e1", title: longTitle, text: "Текст статті.", link: "https://leopolis.news/zelene-misto/")
        entry.published = Date(timeIntervalSince1970: 1_794_988_800)  // 2026-11-18 08:00:00 UTC
        entry.content = "<p>Програма передбачає <b>нові парки</b>.</p>"
        let m = try message(entry)
        #expect(m.header("From") == "\"Leopolis.news\" <visnyk@box.example.org>")
        #expect(m.header("Subject") == longTitle)
        #expect(m.rawHeader("Subject").contains("=?UTF-8?B?"))
        #expect(m.header("Date") == "Wed, 18 Nov 2026 08:00:00 +0000")
        #expect(m.header("Message-ID") == "<\(entry.contentHash.dropFirst(7))@box.example.org>")
        #expect(m.header("MIME-Version") == "1.0")
        #expect(m.header("Content-Type") == "text/html; charset=UTF-8")
        #expect(m.header("Content-Transfer-Encoding") == "base64")
        #expect(m.header("X-Visnyk-Source") == "Leopolis.news")
        #expect(m.header("X-Visnyk-Link") == "https://leopolis.news/zelene-misto/")
        #expect(m.header("X-Visnyk-Hash") == entry.contentHash)
        #expect(m.header("In-Reply-To") == nil)
        #expect(m.body.contains("<p>Програма передбачає <b>нові парки</b>.</p>"))
        #expect(m.body.contains("<a href=\"https://leopolis.news/zelene-misto/\">"))
        #expect(m.bodyLineLengths.allSatisfy { $0 <= 76 })
        #expect(m.bodyLineLengths.dropLast().allSatisfy { $0 == 76 })
    }

    @Test func encodedWordsHoldWholeCharactersAndFitTheLineLimit() throws {
        let m = try message(makeEntry(id: "e2", title: longTitle, text: "Текст статті."))
        let words = m.rawHeader("Subject").split(separator: " ").map(String.init)
        #expect(words.count > 2)
        for word in words {
            #expect(word.count <= 75)
            let decoded = try #require(EMLMessage.decodeWord(word))
            #expect(String(validating: decoded, as: UTF8.self) != nil, "a character split between words: \(word)")
        }
        // Lines with encoded words within RFC 2047's 76; the others (a Message-ID cannot be
        // folded) within RFC 5322's hard limit.
        #expect(m.headerLines.filter { $0.contains("=?") }.allSatisfy { $0.utf8.count <= 76 })
        #expect(m.headerLines.allSatisfy { $0.utf8.count <= 998 })
    }

    @Test func noHeaderInjectionFromTitleFeedTitleSourceOrLink() throws {
        let hostile = "Breaking\r\nBcc: victim@example.org\r\n\r\n<script>x</script>"
        var entry = makeEntry(id: "e3", title: hostile, text: "Зміст статті, достатньо довгий для хешу.", link: "https://a.example/\r\nX-Evil: 1")
        entry.published = nil
        let m = try message(entry, feedTitle: "Feed\nReply-To: evil@example.org", source: "S\u{0}\u{85}ource\u{2028}name")
        #expect(m.header("Bcc") == nil && m.header("Reply-To") == nil && m.header("X-Evil") == nil)
        #expect(m.header("Subject") == "Breaking Bcc: victim@example.org <script>x</script>")
        #expect(m.header("From") == "\"Feed Reply-To: evil@example.org\" <visnyk@box.example.org>")
        #expect(m.header("X-Visnyk-Source") == "S ource name")
        #expect(m.header("X-Visnyk-Link") == "https://a.example/ X-Evil: 1")
        #expect(m.header("Date") == "Wed, 18 Nov 2026 11:06:40 +0000")
    }

    @Test func nonASCIIFeedTitleIsEncodedInFrom() throws {
        let m = try message(makeEntry(id: "e4", title: "Title", text: "Зміст статті, достатньо довгий для хешу."), feedTitle: "Вісник «Львів»")
        #expect(m.rawHeader("From").hasPrefix("=?UTF-8?B?"))
        #expect(m.header("From") == "Вісник «Львів» <visnyk@box.example.org>")
    }

    @Test func updateThreadsWithTheOriginalAndFeedScopeGetsItsOwnMessageID() throws {
        let entry = makeEntry(id: "e5", title: "T", text: "Зміст статті, достатньо довгий для хешу.")
        let old = "sha256:" + String(repeating: "cd", count: 32)
        let m = try message(entry, updates: old, scope: "Leopolis.news")
        #expect(m.header("In-Reply-To") == "<\(old.dropFirst(7)).\(m.scopeTag)@box.example.org>")
        #expect(m.header("References") == m.header("In-Reply-To"))
        #expect(m.header("X-Visnyk-Updates") == old)
        #expect(m.header("Message-ID") == "<\(entry.contentHash.dropFirst(7)).\(m.scopeTag)@box.example.org>")
        #expect(m.scopeTag.count == 16)
    }

    @Test func textOnlyEntryBodyIsEscaped() throws {
        let entry = makeEntry(id: "e6", title: "A <b> & C", text: "Рядок перший <не тег>\nРядок другий & ще")
        let m = try message(entry)
        #expect(m.body.contains("<p>Рядок перший &lt;не тег&gt;<br>\nРядок другий &amp; ще</p>"))
        #expect(m.body.contains("<title>A &lt;b&gt; &amp; C</title>"))
    }
}
