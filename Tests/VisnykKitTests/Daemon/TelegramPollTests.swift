import Foundation
import Testing
@testable import VisnykKit

/// Telegram channels polled through the real fetcher from `telegram_server.py`, a loopback
/// stand-in for t.me that serves 20 posts a page and pages back with `?before=`.
@Suite struct TelegramPollTests {
    private struct Harness {
        let server: TestHTTPServer
        let spool: SpoolHarness
        let fetcher: MultiFetcher
        let config: VisnykConfig
        var poller: SourcePoller

        init() throws {
            server = try TestHTTPServer(script: "telegram_server.py")
            spool = try SpoolHarness()
            fetcher = try MultiFetcher(settings: FetcherSettings())
            var config = VisnykConfig(path: spool.dir.appending("visnyk.toml"))
            config.stateDir = spool.dir.appending("state")
            config.spoolDir = spool.dir.appending("spool")
            config.allowPrivateNetworks = true  // the stand-in for t.me is on 127.0.0.1
            config.sources = ["northwind_rail", "quiet_depot", "blank_depot", "fresh_timetables"].map {
                SourceConfig(name: $0, location: .telegram($0))
            }
            self.config = config
            poller = SourcePoller(config: config, fetcher: fetcher, store: spool.store, deduper: spool.deduper)
            poller.telegramBaseURL = server.url("")
        }

        func source(_ name: String) -> SourceConfig {
            SourceConfig(name: name, location: .telegram(name))
        }

        func setNewest(_ n: Int) throws {
            _ = try HTTPFetcher().fetch(FetchRequest(url: server.url("/__newest?n=\(n)")))
        }

        func requests() throws -> [String] {
            let body = try HTTPFetcher().fetch(FetchRequest(url: server.url("/__log"))).body
            return try JSONDecoder().decode([String].self, from: Data(body))
        }

        func state(_ name: String) throws -> SourceState {
            try spool.store.flushStates()
            return try #require(try spool.store.sourceState(named: name))
        }

        func stop() async {
            await fetcher.shutdown(grace: .seconds(1))
            server.stop()
            spool.remove()
        }
    }

    private func newCount(_ report: PollReport) -> Int? {
        if case .fetched(let accepted) = report.outcome { return accepted.new }
        return nil
    }

    @Test func firstPollReadsOnePageAndRemembersTheNewestPost() async throws {
        let h = try Harness()
        do {
            let report = await h.poller.poll(h.source("northwind_rail"))
            #expect(newCount(report) == 20)
            #expect(try h.state("northwind_rail").telegramLastPost == 30)
            #expect(try h.requests() == ["/s/northwind_rail"])
        }
        await h.stop()
    }

    @Test func afterAGapOlderPagesAreReadDownToTheLastSeenPost() async throws {
        let h = try Harness()
        do {
            #expect(newCount(await h.poller.poll(h.source("northwind_rail"))) == 20)
            // 45 posts while Visnyk was down: 31...75, the newest page holds 56...75.
            try h.setNewest(75)
            let report = await h.poller.poll(h.source("northwind_rail"))
            #expect(newCount(report) == 45)
            #expect(report.warnings.isEmpty)
            #expect(try h.requests() == ["/s/northwind_rail", "/s/northwind_rail", "/s/northwind_rail?before=56",
                                         "/s/northwind_rail?before=36"])
            let state = try h.state("northwind_rail")
            #expect(state.telegramLastPost == 75)
            #expect(state.newCount == 65)
            // Every post from 11 to 75 once in the spool, nothing twice.
            #expect(h.spool.files("new").count == 65)
        }
        await h.stop()
    }

    @Test func noGapMeansNoPaging() async throws {
        let h = try Harness()
        do {
            _ = await h.poller.poll(h.source("northwind_rail"))
            try h.setNewest(35)
            #expect(newCount(await h.poller.poll(h.source("northwind_rail"))) == 5)
            #expect(try h.requests() == ["/s/northwind_rail", "/s/northwind_rail"])
        }
        await h.stop()
    }

    @Test func pagingBackIsBoundedAndTheRestIsReported() async throws {
        let h = try Harness()
        do {
            _ = await h.poller.poll(h.source("northwind_rail"))
            try h.setNewest(500)
            let report = await h.poller.poll(h.source("northwind_rail"))
            #expect(newCount(report) == 100)
            #expect(try h.requests().count == 1 + SourcePoller.telegramMaximumPages)
            #expect(report.warnings.contains { $0.contains("posts 31 to 400 of @northwind_rail were not read") })
            #expect(try h.state("northwind_rail").telegramLastPost == 500)
        }
        await h.stop()
    }

    @Test func previewDisabledByRedirectIsShownAndBackedOff() async throws {
        let h = try Harness()
        do {
            let now = Date()
            let report = await h.poller.poll(h.source("quiet_depot"), now: now)
            guard case .failed(let message) = report.outcome else {
                Issue.record("expected a failure, got \(report.outcome)")
                return
            }
            #expect(message.contains("no web preview of @quiet_depot"))
            // Not retried on the next interval: hours later (max_backoff caps the wait).
            #expect(report.nextPollAt.timeIntervalSince(now) >= 3 * 3600)
            let state = try h.state("quiet_depot")
            let status = try StatusReport(config: h.config, store: h.spool.store).text()
            #expect(status.contains("turned the preview off"))
            #expect(state.consecutiveFailures == 1)
        }
        await h.stop()
    }

    @Test func previewDisabledWithoutRedirectIsShownToo() async throws {
        let h = try Harness()
        do {
            let report = await h.poller.poll(h.source("blank_depot"))
            guard case .failed(let message) = report.outcome else {
                Issue.record("expected a failure, got \(report.outcome)")
                return
            }
            #expect(message.contains("has no posts section"))
        }
        await h.stop()
    }

    @Test func aChannelWithNoPostsYetIsHealthy() async throws {
        let h = try Harness()
        do {
            let report = await h.poller.poll(h.source("fresh_timetables"))
            #expect(newCount(report) == 0)
            #expect(try h.state("fresh_timetables").lastError == nil)
        }
        await h.stop()
    }

    @Test func telegramSourcesAreNotPolledMoreOftenThanEvery15Minutes() {
        let channel = SourceConfig(name: "c", location: .telegram("northwind_rail"), interval: .seconds(60))
        let feed = SourceConfig(name: "f", location: .url("https://example.org/feed.xml"), interval: .seconds(60))
        #expect(channel.minimumInterval(global: .seconds(300)) == .seconds(900))
        #expect(feed.minimumInterval(global: .seconds(300)) == .seconds(300))
        #expect(channel.minimumInterval(global: .seconds(3600)) == .seconds(3600))
    }
}
