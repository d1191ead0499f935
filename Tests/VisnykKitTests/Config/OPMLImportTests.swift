import Foundation
import Testing
@testable import VisnykKit

/// `visnyk sources import` and `export`: appending to a config file, duplicates, names, and
/// the round trip through OPML.
@Suite struct OPMLImportTests {
    static let fixtures = ["miniflux", "freshrss", "feedly", "inoreader", "newsboat", "opml2-spec"]

    static let header = """
        # Visnyk — my configuration
        state_dir = "state"     # beside this file
        spool_dir = "spool"

        [[source]]
        name = "Leopolis.news"
        url = "HTTPS://Leopolis.NEWS:443/feed"   # written by hand
        tags = ["lviv"]
        # the last line has no line break
        """

    /// Imports every fixture into a config holding `header`, one after another.
    static func importAll(into path: String) throws -> [OPMLImport] {
        var imports: [OPMLImport] = []
        for name in fixtures {
            let existing = try ConfigLoader.load(path: path)
            let plan = OPMLImport(try OPMLReaderTests.read(name), existing: existing.sources)
            try ConfigFileAppender.append(plan.toml(origin: "\(name).opml", date: Date(timeIntervalSince1970: 1_764_000_000)), to: path)
            imports.append(plan)
        }
        return imports
    }

    @Test("appending keeps the file byte for byte, and the result passes visnyk check")
    func appendKeepsTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("visnyk.toml")
        try Self.header.write(toFile: path, atomically: true, encoding: .utf8)
        let imports = try Self.importAll(into: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix(Self.header + "\n\n# Imported from miniflux.opml by `visnyk sources import` on 2025-11-24T16:00:00Z: 3 sources\n"))
        let checked = try ConfigLoader.check(path: path)
        #expect(checked.sources.count == 1 + imports.map(\.added.count).reduce(0, +))
        #expect(checked.sources.count == 22)
        // The hand-written source is the same feed as Miniflux's https://leopolis.news/feed/.
        #expect(imports[0].skipped.map(\.line) == [9])
        #expect(imports[0].skipped[0].reason.contains("already in the configuration, as \"Leopolis.news\""))
        let byName = Dictionary(uniqueKeysWithValues: checked.sources.map { ($0.name, $0) })
        #expect(byName["lviv.example.org"]?.tags == ["Львів"])
        #expect(byName["Ars Technica"]?.tags == ["Tech", "Must Read"])
        #expect(byName["Українська правда (2)"]?.location == .url("https://www.pravda.com.ua/rss/"))
        #expect(byName["Subscription with \"quotes\" \\ backslash"]?.location == .url("https://podcast.example.com/feed.xml?format=mp3&lang=uk"))
        #expect(byName["Leopolis Telegram"]?.location == .telegram("leopolisnews"))
        #expect(byName["blog.example.net (2)"]?.location == .url("https://blog.example.net/comments.xml"))
        #expect(byName["Café René"]?.tags == ["Food"])
        // newsboat's LWN.net came after FreshRSS's.
        #expect(imports[4].skipped.contains { $0.reason.contains("already in the configuration, as \"LWN.net\"") })
    }

    @Test("a file whose result would not be valid TOML is left as it was")
    func invalidResultIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("visnyk.toml")
        let original = "state_dir = \"state\"\nsource = []\n"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let plan = OPMLImport(try OPMLReaderTests.read("newsboat"), existing: [])
        #expect(throws: ConfigError.self) { try ConfigFileAppender.append(plan.toml(origin: "newsboat.opml", date: Date()), to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["visnyk.toml"])
    }

    @Test("a config reached through a symbolic link is changed in place; the link stays")
    func symbolicLink() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let real = dir.appending("real.toml")
        let link = dir.appending("visnyk.toml")
        try "state_dir = \"state\"\n".write(toFile: real, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let plan = OPMLImport(try OPMLReaderTests.read("newsboat"), existing: [])
        try ConfigFileAppender.append(plan.toml(origin: "newsboat.opml", date: Date()), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try ConfigLoader.load(path: real).sources.count == 4)
    }

    @Test("names and URLs that need escaping survive TOML; taken names get numbers")
    func escapingAndNames() throws {
        let feeds = [
            OPMLFeed(title: "Tab\there \"q\" \\ \u{7F}", location: .url("https://example.org/a?x=1&y=\"2\"")),
            OPMLFeed(title: String(repeating: "я", count: 250), location: .url("https://example.org/b")),
            OPMLFeed(title: "leopolis.news", location: .url("https://example.org/c")),
            OPMLFeed(title: "Leopolis.news", location: .url("https://example.org/d")),
        ]
        var reader = try OPMLReader(Array("<opml><body/></opml>".utf8), file: "x.opml")
        reader.feeds = feeds
        let existing = [SourceConfig(name: "Leopolis.news", location: .url("https://leopolis.news/feed/"))]
        let plan = OPMLImport(reader, existing: existing)
        let config = try ConfigLoader.parse("state_dir = \"s\"\n" + plan.toml(origin: "evil\n[mail]\".opml", date: Date()), path: "/tmp/v.toml")
        #expect(config.sources.map(\.name) == [
            "Tab here \"q\" \\", String(repeating: "я", count: 200), "leopolis.news (2)", "Leopolis.news (3)",
        ])
        #expect(config.sources[0].location == .url("https://example.org/a?x=1&y=\"2\""))
        #expect(plan.renamed.map(\.to) == ["leopolis.news (2)", "Leopolis.news (3)"])
        #expect(TOMLText.string("a\u{1}b\u{7F}\"\\\n\tє") == #""a\u0001b\u007F\"\\\n\tє""#)
    }

    @Test("URLs compare by scheme and host without case, default ports and trailing slashes")
    func urlKeys() {
        #expect(FeedURLKey.key("HTTPS://Example.ORG:443/feed/") == FeedURLKey.key("https://example.org/feed"))
        #expect(FeedURLKey.key("http://example.org:80/") == FeedURLKey.key("http://example.org"))
        #expect(FeedURLKey.key("https://example.org/Feed") != FeedURLKey.key("https://example.org/feed"))
        #expect(FeedURLKey.key("https://example.org/feed?a=1") != FeedURLKey.key("https://example.org/feed?a=2"))
        #expect(FeedURLKey.key("http://example.org/feed") != FeedURLKey.key("https://example.org/feed"))
    }

    @Test("import → export → import gives the same sources")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let first = dir.appending("first.toml")
        try "state_dir = \"state\"\n".write(toFile: first, atomically: true, encoding: .utf8)
        for name in Self.fixtures {
            let existing = try ConfigLoader.load(path: first)
            let plan = OPMLImport(try OPMLReaderTests.read(name), existing: existing.sources)
            try ConfigFileAppender.append(plan.toml(origin: name, date: Date()), to: first)
        }
        let imported = try ConfigLoader.load(path: first).sources
        #expect(imported.count == 22)

        let exported = OPMLWriter.document(imported, title: "Visnyk sources", date: Date())
        #expect(exported.leftOut.isEmpty)
        let second = dir.appending("second.toml")
        try "state_dir = \"state\"\n".write(toFile: second, atomically: true, encoding: .utf8)
        let again = OPMLImport(try OPMLReader(Array(exported.text.utf8), file: "export.opml"), existing: [])
        #expect(again.skipped.isEmpty && again.renamed.isEmpty)
        try ConfigFileAppender.append(again.toml(origin: "export.opml", date: Date()), to: second)
        let reimported = try ConfigLoader.load(path: second).sources

        func described(_ sources: [SourceConfig]) -> [String] {
            sources.map { "\($0.name) | \($0.location) | \($0.tags.joined(separator: ","))" }.sorted()
        }
        #expect(described(reimported) == described(imported))
    }

    @Test("export writes OPML 2.0: escaped, dated, tags as categories, Telegram with its hint, files left out")
    func export() throws {
        let sources = [
            SourceConfig(name: "A & <B>", location: .url("https://example.org/f?a=1&b=2"), tags: ["news", "a,b/c"]),
            SourceConfig(name: "Leopolis Telegram", location: .telegram("leopolisnews")),
            SourceConfig(name: "Local", location: .file("/srv/feed.xml")),
        ]
        let document = OPMLWriter.document(sources, title: "Visnyk \"sources\"", date: Date(timeIntervalSince1970: 0))
        #expect(document.leftOut == ["Local"])
        #expect(document.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"))
        #expect(document.text.contains("<title>Visnyk &quot;sources&quot;</title>"))
        #expect(document.text.contains("<dateCreated>Thu, 01 Jan 1970 00:00:00 GMT</dateCreated>"))
        #expect(document.text.contains("<outline text=\"news\" title=\"news\">"))
        #expect(document.text.contains("<outline type=\"rss\" text=\"A &amp; &lt;B&gt;\" title=\"A &amp; &lt;B&gt;\" xmlUrl=\"https://example.org/f?a=1&amp;b=2\" category=\"/news,/a b c\"/>"))
        #expect(document.text.contains("<outline type=\"telegram\" text=\"Leopolis Telegram\" title=\"Leopolis Telegram\" xmlUrl=\"https://t.me/s/leopolisnews\" htmlUrl=\"https://t.me/leopolisnews\"/>"))
        let back = try OPMLReader(Array(document.text.utf8), file: "export.opml")
        #expect(back.feeds.map(\.location) == [.url("https://example.org/f?a=1&b=2"), .telegram("leopolisnews")])
        #expect(back.feeds[0].tags == ["news", "a b c"])
    }
}
