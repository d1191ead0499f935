import Foundation
import Testing
@testable import VisnykKit

/// OPML files as other readers export them, read into feeds with tags.
@Suite struct OPMLReaderTests {
    static func read(_ name: String) throws -> OPMLReader {
        try OPMLReader(Fixture.bytes("opml/\(name).opml"), file: "\(name).opml")
    }

    static func summary(_ reader: OPMLReader) -> [String] {
        reader.feeds.map { feed in
            "\(feed.title ?? "-") | \(feed.location.display) | \(feed.tags.joined(separator: ","))"
        }
    }

    @Test("Miniflux: categories as folders with text only, & in a URL, an empty title")
    func miniflux() throws {
        let reader = try Self.read("miniflux")
        #expect(reader.title == "Miniflux")
        #expect(Self.summary(reader) == [
            "Leopolis.news | https://leopolis.news/feed/ | All",
            "Hacker News: Front Page | https://hnrss.org/frontpage?points=100&comments=20 | All",
            "Збруч | https://zbruc.eu/taxonomy/term/1/feed | Львів",
            "- | https://lviv.example.org/rss.xml | Львів",
        ])
        #expect(reader.skipped.isEmpty)
    }

    @Test("FreshRSS: text without title, a namespaced attribute, an & in a folder, a scraped page skipped")
    func freshRSS() throws {
        let reader = try Self.read("freshrss")
        #expect(Self.summary(reader) == [
            "LWN.net | https://lwn.net/headlines/rss | Uncategorized",
            "Суспільне Новини | https://suspilne.media/rss/all.rss | Uncategorized",
            "Swift.org | https://www.swift.org/atom.xml | Dev & Ops",
            "Debian News | https://www.debian.org/News/news | Dev & Ops",
        ])
        #expect(reader.skipped.map(\.line) == [15])
        #expect(reader.skipped.first?.reason.contains("scraped by FreshRSS") == true)
    }

    @Test("Feedly: OPML 1.0, a blank line after the declaration, one feed in two folders")
    func feedly() throws {
        let reader = try Self.read("feedly")
        #expect(Self.summary(reader) == [
            "Ars Technica | https://feeds.arstechnica.com/arstechnica/index | Tech",
            "The Verge - All Posts | https://www.theverge.com/rss/index.xml | Tech",
            "Ars Technica | https://feeds.arstechnica.com/arstechnica/index | Must Read",
            "Українська правда | https://www.pravda.com.ua/rss/view_news/ | Must Read",
        ])
    }

    @Test("Inoreader: nested folders, xmlURL spelled otherwise, quotes, a t.me feed, a link outline")
    func inoreader() throws {
        let reader = try Self.read("inoreader")
        #expect(Self.summary(reader) == [
            "Українська правда | https://www.pravda.com.ua/rss/ | Новини",
            "Zaxid.net | HTTPS://Zaxid.NET/rss/1.xml | Новини",
            "Галицький Кореспондент | https://gk-press.if.ua/feed/ | Новини,Регіони",
            "Subscription with \"quotes\" \\ backslash | https://podcast.example.com/feed.xml?format=mp3&lang=uk | Podcasts",
            "Leopolis Telegram | https://t.me/s/leopolisnews | ",
        ])
        #expect(reader.feeds[4].location == .telegram("leopolisnews"))
        #expect(reader.skipped.map(\.line) == [18])
    }

    @Test("newsboat: flat, empty titles, an exec: URL skipped")
    func newsboat() throws {
        let reader = try Self.read("newsboat")
        #expect(Self.summary(reader) == [
            "LWN.net | https://lwn.net/headlines/rss | ",
            "- | https://blog.example.net/atom.xml | ",
            "- | https://blog.example.net/comments.xml | ",
            "r/ukraine | https://www.reddit.com/r/ukraine/.rss | ",
        ])
        #expect(reader.skipped.count == 1)
        #expect(reader.skipped.first?.title == "Weather")
        #expect(reader.skipped.first?.reason.contains("not an http or https URL") == true)
    }

    @Test("OPML 2.0 category paths become tags; an ISO-8859-1 file is decoded")
    func categories() throws {
        let reader = try Self.read("opml2-spec")
        #expect(Self.summary(reader) == [
            "CNET News.com | http://news.com.com/2547-1_3-0-5.xml | Tech,News,Business",
            "Café René | http://cafe.example.com/rss.xml | Food",
            "Scripting News | http://www.scripting.com/rss.xml | ",
        ])
    }

    @Test("an external entity is not loaded and a DTD not read")
    func externalEntity() throws {
        let secret = try TemporaryDirectory()
        defer { secret.remove() }
        let path = secret.appending("secret.txt")
        try "TOPSECRET".write(toFile: path, atomically: true, encoding: .utf8)
        let opml = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY leak SYSTEM "file://\(path)">]>
            <opml version="2.0"><head><title>t</title></head><body>
            <outline text="a &leak; b" xmlUrl="https://example.org/feed.xml"/>
            </body></opml>
            """
        let reader = try OPMLReader(Array(opml.utf8), file: "x.opml")
        #expect(reader.feeds.count == 1)
        #expect(reader.feeds.allSatisfy { !($0.title ?? "").contains("TOPSECRET") })
    }

    @Test("files that are not OPML are refused with the file named")
    func notOPML() throws {
        #expect(throws: OPMLError.self) { try OPMLReader(Array("<rss><channel/></rss>".utf8), file: "feed.xml") }
        #expect(throws: OPMLError.self) { try OPMLReader(Array("   ".utf8), file: "empty.opml") }
        #expect(throws: OPMLError.self) { try OPMLReader(Array("<opml><head/></opml>".utf8), file: "nobody.opml") }
        do {
            _ = try OPMLReader(Array("<html><body>not it</body></html>".utf8), file: "page.html")
            Issue.record("an HTML page was read as OPML")
        } catch {
            #expect(error.description.hasPrefix("page.html: not an OPML file"))
        }
    }

    @Test("titles with control characters and runs of space are collapsed")
    func collapsed() {
        #expect(OPMLReader.collapsed("  a\u{1}\n\tb  c ") == "a b c")
        #expect(OPMLReader.collapsed(" \u{200B} ") == nil)
        #expect(OPMLReader.categories("/News/Local, /Tech,,/") == ["News", "Local", "Tech"])
    }
}
