import Testing
@testable import VisnykKit

/// Limits, cancellation and shutdown. The server counts requests in progress at once, per Host
/// header; `/fault/delay` holds each response back so that requests overlap whenever the
/// fetcher lets them. Nothing here asserts on elapsed time.
@Suite("MultiFetcher limits, cancellation and shutdown")
struct MultiFetcherConcurrencyTests {
    /// Fetches `count` delayed responses from each of `hosts` at once; all must succeed.
    private func fetchDelayed(_ fetcher: MultiFetcher, server: TestHTTPServer, hosts: [String], count: Int) async throws {
        try await withThrowingTaskGroup(of: FetchResponse.self) { group in
            for host in hosts {
                for index in 0..<count {
                    let url = "http://\(host):\(server.port)/fault/delay?ms=200&n=\(index)"
                    group.addTask { try await fetcher.fetch(FetchRequest(url: url)) }
                }
            }
            for try await response in group { #expect(response.status == 200) }
        }
    }

    @Test func neverMoreThanPerHostRequestsToOneHost() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 16, perHost: 2))
        try await fetchDelayed(fetcher, server: server, hosts: ["127.0.0.1"], count: 10)
        let log = try server.requestLog()
        #expect(log.requests.count == 10)
        let most = try #require(log.maxConcurrent["127.0.0.1:\(server.port)"])
        #expect(most >= 1 && most <= 2)
        await fetcher.shutdown(grace: .seconds(5))
    }

    /// The control for the test above: the server's count does see overlap when it is allowed.
    @Test func theServerSeesOverlapWhenTheLimitAllowsIt() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 16, perHost: 6))
        try await fetchDelayed(fetcher, server: server, hosts: ["127.0.0.1"], count: 12)
        let most = try #require(try server.requestLog().maxConcurrent["127.0.0.1:\(server.port)"])
        #expect(most > 2 && most <= 6)
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func theTotalLimitHoldsAcrossHosts() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 3, perHost: 2))
        try await fetchDelayed(fetcher, server: server, hosts: ["127.0.0.1", "localhost"], count: 5)
        let log = try server.requestLog()
        #expect(log.requests.count == 10)
        #expect(log.maxConcurrentTotal <= 3)
        #expect(log.maxConcurrent.values.allSatisfy { $0 <= 2 })
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func cancellingAWaitingFetchEndsItWithoutARequest() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 1, perHost: 1))
        // The body trickles for far longer than the test can last, even on a starved machine
        // (a 30 s body once finished before the cancel reached it, with the whole suite at 38 s).
        let slow = FetchRequest(url: server.url("/fault/slow?seconds=900"), timeout: .seconds(1800))
        let blocker = Task { await fetchFailure(slow, with: fetcher) }
        try await waitUntil(server, hasSeen: "/fault/slow?seconds=900")

        let feed = FetchRequest(url: server.url("/feeds/rss20-full.xml"))
        let waiting = Task { await fetchFailure(feed, with: fetcher) }
        waiting.cancel()
        #expect(await waiting.value?.kind == .cancelled)

        // Cancelling the running one frees the only slot, and the fetcher goes on working.
        blocker.cancel()
        #expect(await blocker.value?.kind == .cancelled)
        let after = try await fetcher.fetch(FetchRequest(url: server.url("/feeds/rss20-full.xml")))
        #expect(after.status == 200)
        #expect(try server.requestLog().requests(to: "/feeds/rss20-full.xml").count == 1)
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func aFetchFromAnAlreadyCancelledTaskEndsCancelled() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let feed = FetchRequest(url: server.url("/feeds/rss20-full.xml"))
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return await fetchFailure(feed, with: fetcher)
        }
        task.cancel()
        #expect(await task.value?.kind == .cancelled)
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func shutdownLetsTransfersInFlightFinishWithinTheGrace() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 4, perHost: 4))
        let fetches = (0..<3).map { index in
            let request = FetchRequest(url: server.url("/fault/delay?ms=300&n=\(index)"))
            return Task { try await fetcher.fetch(request) }
        }
        for index in 0..<3 { try await waitUntil(server, hasSeen: "/fault/delay?ms=300&n=\(index)") }
        await fetcher.shutdown(grace: .seconds(60))
        for fetch in fetches { #expect(try await fetch.value.status == 200) }
        #expect(await fetchFailure(FetchRequest(url: server.url("/feeds/rss20-full.xml")), with: fetcher)?.kind == .cancelled)
    }

    @Test func shutdownCancelsWhatOutlastsTheGraceAndWhatNeverStarted() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 2, perHost: 2))
        let running = (0..<2).map { index in
            let request = FetchRequest(url: server.url("/fault/slow?seconds=900&n=\(index)"), timeout: .seconds(1800))
            return Task { await fetchFailure(request, with: fetcher) }
        }
        for index in 0..<2 { try await waitUntil(server, hasSeen: "/fault/slow?seconds=900&n=\(index)") }
        let feed = FetchRequest(url: server.url("/feeds/rss20-full.xml"))
        let queued = Task { await fetchFailure(feed, with: fetcher) }
        await fetcher.shutdown(grace: .milliseconds(300))
        for fetch in running { #expect(await fetch.value?.kind == .cancelled) }
        #expect(await queued.value?.kind == .cancelled)
        #expect(try server.requestLog().requests(to: "/feeds/rss20-full.xml").isEmpty)
    }

    /// Polls the server's log until it shows a request for `path` (a condition, not a clock).
    private func waitUntil(_ server: TestHTTPServer, hasSeen path: String) async throws {
        for _ in 0..<1000 {
            if try server.requestLog().requests.contains(where: { $0.path == path }) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the server never saw \(path)")
    }
}
