import Foundation
import Testing
@testable import VisnykKit

/// Learned boilerplate through the whole poll: a `file` source read by SourcePoller, its
/// entries learned from, cleaned, deduplicated and spooled; and `visnyk status SOURCE`.
@Suite struct BoilerplatePollTests {
    private struct Harness {
        let spool: SpoolHarness
        let fetcher: MultiFetcher
        let config: VisnykConfig
        let poller: SourcePoller
        let feedPath: String

        init() throws {
            spool = try SpoolHarness()
            fetcher = try MultiFetcher(settings: FetcherSettings())
            feedPath = spool.dir.appending("leopolis.xml")
            var config = VisnykConfig(path: spool.dir.appending("visnyk.toml"))
            config.stateDir = spool.dir.appending("state")
            config.spoolDir = spool.dir.appending("spool")
            config.sources = [SourceConfig(name: "leopolis", location: .file(feedPath))]
            self.config = config
            poller = SourcePoller(config: config, fetcher: fetcher, store: spool.store, deduper: spool.deduper)
        }

        /// Writes the feed of these articles (newest first, as sites list them), each with its
        /// neighbours' titles, or `next` as the following one.
        func writeFeed(_ indices: [Int], next: String? = nil, titleOnOwnLine: Bool = false) throws {
            var items = ""
            for index in indices.reversed() {
                let lines = BoilerplateArticles.text(index, next: next, titleOnOwnLine: titleOnOwnLine).split(separator: "\n")
                let html = lines.map { "<p>\(HTMLEscaping.escapeText(String($0)))</p>" }.joined()
                items += """
                    <item><title>\(BoilerplateArticles.titles[index])</title>
                    <link>https://leopolis.news/article-\(index)/</link>
                    <guid>https://leopolis.news/article-\(index)/</guid>
                    <description><![CDATA[\(html)]]></description></item>

                    """
            }
            let feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Leopolis.news</title><link>https://leopolis.news/</link>
                \(items)</channel></rss>
                """
            try feed.write(toFile: feedPath, atomically: true, encoding: .utf8)
        }

        func poll() async throws -> AcceptOutcome {
            let report = await poller.poll(config.sources[0])
            guard case .fetched(let accepted) = report.outcome else {
                Issue.record("poll did not fetch: \(report.outcome)")
                return AcceptOutcome()
            }
            return accepted
        }

        func stop() async {
            await fetcher.shutdown(grace: .seconds(1))
            spool.remove()
        }
    }

    @Test(arguments: [false, true])
    func articlesSpooledBeforeAndAfterLearningAreSpooledOnce(titleOnOwnLine: Bool) async throws {
        let h = try Harness()
        do {
            // Three articles: too few to learn from; spooled with their boilerplate.
            try h.writeFeed([0, 1, 2], titleOnOwnLine: titleOnOwnLine)
            #expect(try await h.poll().new == 3)
            // Six: the boilerplate is learned; the first three are still duplicates.
            try h.writeFeed([0, 1, 2, 3, 4, 5], titleOnOwnLine: titleOnOwnLine)
            let second = try await h.poll()
            #expect(second.new == 3 && second.duplicates == 3 && second.updates == 0)
            for name in second.files {
                let text = try #require(try h.spool.json("new", name)["text"] as? String)
                #expect(!text.contains("Не пропустіть") && !text.contains("публікація") && !text.contains("Leopolis.news"))
                #expect(text.contains("Про це повідом"))
                for title in BoilerplateArticles.titles { #expect(!text.contains(title)) }
            }
            // Every neighbour title changes, and one more article arrives.
            try h.writeFeed([0, 1, 2, 3, 4, 5, 6], next: "Найсвіжіша публікація сайту про зимову погоду",
                            titleOnOwnLine: titleOnOwnLine)
            let third = try await h.poll()
            #expect(third.new == 1 && third.duplicates == 6 && third.updates == 0)
            #expect(h.spool.files("new").count == 7)
        }
        await h.stop()
    }

    @Test func statusOfOneSourceShowsWhatWasLearned() async throws {
        let h = try Harness()
        do {
            try h.writeFeed(Array(0..<7))
            _ = try await h.poll()
            try h.spool.store.flushStates()
            let report = try StatusReport(config: h.config, store: h.spool.store, source: "leopolis")
            let row = try #require(report.sources.first)
            #expect(report.sources.count == 1)
            let learned = try #require(row.boilerplate)
            #expect(learned.entriesSeen == 7 && learned.windowSize == 50)
            #expect(learned.prefixes == ["наступна публікація", "попередня публікація"])
            #expect(learned.lines.contains("не пропустіть важливе!"))
            let text = report.text()
            #expect(text.contains("learned boilerplate from 7 of the last 50 entries"))
            #expect(text.contains("    prefix: наступна публікація …"))
            #expect(report.json.contains("\"prefixes\""))

            #expect(throws: UnknownSourceError.self) {
                try StatusReport(config: h.config, store: h.spool.store, source: "leopolsi")
            }
            do {
                _ = try StatusReport(config: h.config, store: h.spool.store, source: "leopolsi")
            } catch {
                #expect("\(error)".contains("Did you mean \"leopolis\"?"))
            }
            // The full report carries no boilerplate.
            #expect(try StatusReport(config: h.config, store: h.spool.store).sources.allSatisfy { $0.boilerplate == nil })
        }
        await h.stop()
    }
}
