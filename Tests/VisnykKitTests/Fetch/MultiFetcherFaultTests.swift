import Foundation
import Testing
@testable import VisnykKit

@Suite("MultiFetcher and feed_server.py's scripted faults")
struct MultiFetcherFaultTests {
    static let oneMiB = 1 << 20

    @Test func aRedirectLoopIsTooManyRedirects() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let error = try #require(await fetchFailure(FetchRequest(url: server.url("/fault/loop")), with: fetcher))
        #expect(error.kind == .tooManyRedirects(limit: FetchRequest.maxRedirects))
        #expect(error.redirectTarget == server.url("/fault/loop"))
        #expect(error.description.contains("loop"))
        // The loop is caught when it closes, not after running to the hop limit.
        #expect(try server.requestLog().requests.count == 2)
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test(arguments: [("/fault/to-file", "file:///etc/passwd"), ("/fault/to-ftp", "ftp://127.0.0.1/feed.xml")])
    func redirectsToOtherSchemesAreRefused(path: String, target: String) async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let error = try #require(await fetchFailure(FetchRequest(url: server.url(path)), with: fetcher))
        #expect(error.kind == .unsupportedScheme)
        #expect(error.redirectTarget == target)
        #expect(error.url == server.url(path))
        #expect(error.description.contains("redirected to \(target)"))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func goneIsHTTPStatus410() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let error = try #require(await fetchFailure(FetchRequest(url: server.url("/fault/status/410")), with: fetcher))
        #expect(error.kind == .http(status: 410))
        #expect(error.retryAfter == nil)
        #expect(error.description.contains("removed for good"))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func tooManyRequestsAndUnavailableCarryRetryAfter() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let seconds = try #require(await fetchFailure(FetchRequest(url: server.url("/fault/429?after=90")), with: fetcher))
        #expect(seconds.kind == .http(status: 429))
        #expect(seconds.retryAfter == .seconds(90))

        // An HTTP-date an hour ahead: whole seconds, so a second or two may pass in between.
        let date = try #require(await fetchFailure(FetchRequest(url: server.url("/fault/503?after=3600")), with: fetcher))
        #expect(date.kind == .http(status: 503))
        let wait = try #require(date.retryAfter)
        #expect(wait <= .seconds(3600) && wait >= .seconds(3500))

        let capped = try #require(await fetchFailure(FetchRequest(url: server.url("/fault/429?after=999999999")), with: fetcher))
        #expect(capped.retryAfter == RetryAfter.maximum)
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func aSlowBodyTimesOut() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let request = FetchRequest(url: server.url("/fault/slow?seconds=10"), timeout: .milliseconds(700))
        let error = try #require(await fetchFailure(request, with: fetcher))
        #expect(error.kind == .timeout)
        #expect(error.description.contains("0.7 s"))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func aTruncatedBodyIsATransportError() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let error = try #require(await fetchFailure(FetchRequest(url: server.url("/fault/truncated")), with: fetcher))
        guard case .transport(let code, _) = error.kind else {
            Issue.record("expected a transport error, got \(error.kind)")
            return
        }
        #expect(code == 18)  // CURLE_PARTIAL_FILE
        #expect(error.description.contains("broke off"))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test(arguments: ["/fault/oversized", "/fault/bomb"])
    func oversizedBodiesAreRefusedAtTheDecodedCap(path: String) async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let request = FetchRequest(url: server.url("\(path)?size=\(2 * Self.oneMiB)"), maxSize: Self.oneMiB)
        let error = try #require(await fetchFailure(request, with: fetcher))
        #expect(error.kind == .tooLarge(limit: Self.oneMiB))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func theCapCountsDecodedBytes() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        // "<x>" + size spaces + "</x>": exactly the cap once decoded, about 1 KiB on the wire.
        let size = Self.oneMiB - 7
        let atCap = try await fetcher.fetch(FetchRequest(url: server.url("/fault/bomb?size=\(size)"), maxSize: Self.oneMiB))
        #expect(atCap.body.count == Self.oneMiB)
        let wire = Int(try #require(atCap.header("Content-Length"))) ?? .max
        #expect(wire < Self.oneMiB / 100)
        let over = FetchRequest(url: server.url("/fault/bomb?size=\(size + 1)"), maxSize: Self.oneMiB)
        #expect(await fetchFailure(over, with: fetcher)?.kind == .tooLarge(limit: Self.oneMiB))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func theOneShotFetcherFollowsRedirectsTheSameWay() throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let chain = try HTTPFetcher().fetch(FetchRequest(url: server.url("/fault/301/fault/308/feeds/rss20-full.xml")))
        #expect(chain.redirectStatuses == [301, 308])
        #expect(chain.isPermanentlyRedirected)
        let ftp = fetchFailure(FetchRequest(url: server.url("/fault/to-ftp")))
        #expect(ftp?.kind == .unsupportedScheme)
        #expect(ftp?.redirectTarget == "ftp://127.0.0.1/feed.xml")
        #expect(fetchFailure(FetchRequest(url: server.url("/fault/loop")))?.kind == .tooManyRedirects(limit: FetchRequest.maxRedirects))
        #expect(fetchFailure(FetchRequest(url: server.url("/fault/503?after=60")))?.retryAfter.map { $0 <= .seconds(60) } == true)
    }
}
