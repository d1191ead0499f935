import Foundation
import Testing
@testable import VisnykKit

/// `full_text = true` sources polled through the real fetcher from `feed_server.py`, which
/// serves a feed of teasers and the article pages it links to.
@Suite struct FullTextPollTests {
    private struct Harness {
        let pages: TemporaryDirectory
        let server: TestHTTPServer
        let spool: SpoolHarness
        let fetcher: MultiFetcher
        let poller: SourcePoller

        init() throws {
            pages = try TemporaryDirectory("visnyk-pages")
            for name in ["leopolis-page.html", "cp1251-page.html", "no-content-page.html", "wordpress-page.html"] {
                try Data(try Fixture.bytes("fulltext/" + name)).write(to: URL(fileURLWithPath: pages.appending(name)))
            }
            server = try TestHTTPServer.feedServer(feeds: URL(fileURLWithPath: pages.appending("")))
            spool = try SpoolHarness()
            fetcher = try MultiFetcher(settings: FetcherSettings())
            var config = VisnykConfig(path: spool.dir.appending("visnyk.toml"))
            config.stateDir = spool.dir.appending("state")
            config.spoolDir = spool.dir.appending("spool")
            config.allowPrivateNetworks = true  // the feed and its pages are on 127.0.0.1
            poller = SourcePoller(config: config, fetcher: fetcher, store: spool.store, deduper: spool.deduper)
        }

        func source(selector: ContentSelector? = nil) -> SourceConfig {
            SourceConfig(name: "Leopolis.news", location: .url(server.url("/feeds/feed.xml")),
                         fullText: true, contentSelector: selector)
        }

        /// Writes feed.xml with one item per (title, link path, teaser).
        func writeFeed(_ items: [(title: String, path: String, teaser: String)]) throws {
            let xml = items.map { item in
                "<item><title>\(item.title)</title><link>\(server.url(item.path))</link><guid>\(item.path)</guid><description>\(item.teaser)</description></item>"
            }.joined(separator: "\n")
            let feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Leopolis</title>\(xml)</channel></rss>"
            try Data(feed.utf8).write(to: URL(fileURLWithPath: pages.appending("feed.xml")))
        }

        /// The spooled entry titled `title`.
        func spooled(_ title: String) throws -> [String: Any] {
            let objects = try spool.files("new").map { try spool.json("new", $0) }
            return try #require(objects.first { $0["title"] as? String == title }, "no spooled entry titled \(title)")
        }

        func pageRequests() throws -> [String] {
            try server.requestLog().requests.map(\.path).filter { !$0.hasSuffix("feed.xml") }.sorted()
        }

        func stop() async {
            await fetcher.shutdown(grace: .seconds(1))
            server.stop()
            spool.remove()
            pages.remove()
        }
    }

    private static let items: [(title: String, path: String, teaser: String)] = [
        ("Умєров розповів про головні теми зустрічей", "/feeds/leopolis-page.html", "Міністр оборони України Рустем Умєров сьогодні та завтра працює у Брюсселі."),
        ("Місто відремонтує трамвайні колії", "/fault/301/feeds/cp1251-page.html", "Львівська міська рада ухвалила програму ремонту колій."),
        ("Сторінки вже немає", "/feeds/missing.html", "Стаття, сторінку якої видалили."),
        ("Сторінка без статті", "/feeds/no-content-page.html", "Анонс, за яким немає тексту."),
    ]

    private func warnings(_ report: PollReport) -> String { report.warnings.joined(separator: "\n") }

    @Test("new articles get their page's text; pages that give none keep the teaser, with one warning")
    func pagesReplaceTeasers() async throws {
        let h = try Harness()
        do {
            try h.writeFeed(Self.items)
            let report = await h.poller.poll(h.source())
            guard case .fetched(let accepted) = report.outcome else { Issue.record("\(report.outcome)"); return }
            #expect(accepted.new == 4)

            let seed = try h.spooled(Self.items[0].title)
            #expect(seed["text"] as? String == (try Fixture.string("fulltext/leopolis-expected.txt")))
            #expect(seed["summary"] as? String == Self.items[0].teaser)
            // The hash stays the feed's, so that the next poll knows the entry without its page.
            let teaserHash = ContentHash.compute(title: Self.items[0].title, text: Self.items[0].teaser, fallbackLink: nil)
            #expect(seed["contentHash"] as? String == teaserHash)

            let legacy = try h.spooled(Self.items[1].title)
            let legacyText = try #require(legacy["text"] as? String)
            #expect(legacyText.contains("Львівська міська рада ухвалила програму ремонту трамвайних колій на наступні три роки."))
            // Relative links resolve against the page's URL after the redirect.
            #expect((legacy["content"] as? String)?.contains("href=\"\(h.server.url("/feeds/photos/"))\"") == true)

            #expect(try h.spooled(Self.items[2].title)["text"] as? String == Self.items[2].teaser)
            #expect(try h.spooled(Self.items[3].title)["text"] as? String == Self.items[3].teaser)
            #expect(warnings(report).contains("full text: 2 of 4 article pages gave no article, so those keep the feed's content"))
            #expect(warnings(report).contains("(and 1 more)"))
            #expect(try h.spool.state("Leopolis.news").lastWarning?.contains("full text: 2 of 4") == true)
            #expect(try h.pageRequests() == ["/feeds/cp1251-page.html", "/fault/301/feeds/cp1251-page.html",
                                             "/feeds/leopolis-page.html", "/feeds/missing.html", "/feeds/no-content-page.html"].sorted())
        }
        await h.stop()
    }

    @Test("the next poll fetches only the pages of articles it has not seen")
    func onlyNewArticlesArePaged() async throws {
        let h = try Harness()
        do {
            try h.writeFeed(Array(Self.items[0..<2]))
            _ = await h.poller.poll(h.source())
            try h.server.resetLog()
            // A changed feed (another Last-Modified second) with one more item.
            try await Task.sleep(for: .seconds(1.1))
            try h.writeFeed([("What the cards remember", "/feeds/wordpress-page.html", "A short teaser.")] + Array(Self.items[0..<2]))
            let report = await h.poller.poll(h.source())
            guard case .fetched(let accepted) = report.outcome else { Issue.record("\(report.outcome)"); return }
            #expect(accepted.new == 1 && accepted.duplicates == 2)
            #expect(try h.pageRequests() == ["/feeds/wordpress-page.html"])
            #expect((try h.spooled("What the cards remember")["text"] as? String)?.hasPrefix("Every few years") == true)
            #expect(report.warnings.isEmpty)
        }
        await h.stop()
    }

    @Test("a content_selector that matches nothing keeps every teaser and says which selector")
    func selectorMatchingNothing() async throws {
        let h = try Harness()
        do {
            try h.writeFeed(Array(Self.items[0..<1]))
            let report = await h.poller.poll(h.source(selector: try ContentSelector("div.no-such-block")))
            #expect(try h.spooled(Self.items[0].title)["text"] as? String == Self.items[0].teaser)
            #expect(warnings(report).contains("content_selector \"div.no-such-block\" matched no article text"))
        }
        await h.stop()
    }
}

extension SpoolHarness {
    func state(_ name: String) throws -> SourceState {
        try store.flushStates()
        return try #require(try store.sourceState(named: name))
    }
}
