import Testing
@testable import VisnykKit

@Suite("HTTPFetcher against a loopback server")
struct HTTPFetcherTests {
    @Test func fetchesAPlainFeedWithItsValidators() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/feed")))
        #expect(response.status == 200)
        #expect(response.body == loopbackFeedBody)
        #expect(response.contentType == "application/rss+xml; charset=utf-8")
        #expect(response.etag == "\"v1-abc\"")
        #expect(response.lastModified == "Wed, 21 Oct 2015 07:28:00 GMT")
        #expect(response.effectiveURL == server.url("/feed"))
        #expect(response.redirectStatuses.isEmpty)
        #expect(!response.isPermanentlyRedirected)
        #expect(response.header("x-final") == "yes")
        #expect(response.headers.contains { $0.name == "Content-Length" && $0.value == "\(loopbackFeedBody.count)" })
    }

    @Test func decompressesAGzipBody() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/gzip")))
        #expect(response.body == loopbackFeedBody)
        #expect(response.header("Content-Encoding") == "gzip")
    }

    @Test func followsAPermanentRedirectChainAndKeepsOnlyTheFinalHeaders() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/redirect/3")))
        #expect(response.status == 200)
        #expect(response.body == loopbackFeedBody)
        #expect(response.effectiveURL == server.url("/feed"))
        #expect(response.redirectStatuses == [301, 301, 301])
        #expect(response.isPermanentlyRedirected)
        #expect(response.header("X-Hop") == nil)
        #expect(response.etag == "\"v1-abc\"")
    }

    @Test func aTemporaryHopMakesTheChainNotPermanent() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/temporary")))
        #expect(response.redirectStatuses == [302, 301])
        #expect(!response.isPermanentlyRedirected)
    }

    @Test func followsExactlyTheRedirectLimit() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/redirect/\(FetchRequest.maxRedirects)")))
        #expect(response.redirectStatuses.count == FetchRequest.maxRedirects)
        let error = fetchFailure(FetchRequest(url: server.url("/redirect/\(FetchRequest.maxRedirects + 1)")))
        #expect(error?.kind == .tooManyRedirects(limit: FetchRequest.maxRedirects))
    }

    @Test func conditionalGETReturns304WithAnEmptyBody() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let fetcher = HTTPFetcher()
        let first = try fetcher.fetch(FetchRequest(url: server.url("/conditional")))
        #expect(first.status == 200)
        #expect(!first.body.isEmpty)

        let byETag = try fetcher.fetch(FetchRequest(url: server.url("/conditional"), etag: first.etag))
        #expect(byETag.status == 304)
        #expect(byETag.isNotModified)
        #expect(byETag.body.isEmpty)
        #expect(byETag.etag == first.etag)

        let byDate = try fetcher.fetch(FetchRequest(url: server.url("/conditional"), lastModified: first.lastModified))
        #expect(byDate.status == 304)

        let stale = try fetcher.fetch(FetchRequest(url: server.url("/conditional"), etag: "\"old\""))
        #expect(stale.status == 200)
        #expect(stale.body == loopbackFeedBody)
    }

    @Test func keepsTheCharsetAndTheUndecodedBytes() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/charset")))
        #expect(response.contentType == "text/xml; charset=windows-1251")
        let windows1251Title: [UInt8] = [0xC2, 0xB3, 0xF1, 0xED, 0xE8, 0xEA]  // "Вісник"
        #expect(response.body.firstRange(of: windows1251Title) != nil)
    }

    @Test func sendsTheUserAgentAndAcceptEncoding() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let fetcher = HTTPFetcher()
        let plain = try fetcher.fetch(FetchRequest(url: server.url("/echo")))
        let echoed = String(decoding: plain.body, as: UTF8.self)
        #expect(echoed.contains("User-Agent: \(FetchRequest.defaultUserAgent)\n"))
        #expect(echoed.contains("Accept-Encoding: ") && echoed.contains("gzip"))
        #expect(!echoed.contains("If-None-Match"))

        let custom = try fetcher.fetch(FetchRequest(url: server.url("/echo"), userAgent: "visnyk-test/9 (+mailto:x@example.org)", etag: "W/\"7\""))
        let customEchoed = String(decoding: custom.body, as: UTF8.self)
        #expect(customEchoed.contains("User-Agent: visnyk-test/9 (+mailto:x@example.org)\n"))
        #expect(customEchoed.contains("If-None-Match: W/\"7\"\n"))
    }

    @Test func dropsValidatorsThatWouldInjectHeaders() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/echo"), etag: "\"a\"\r\nX-Injected: 1"))
        let echoed = String(decoding: response.body, as: UTF8.self)
        #expect(!echoed.contains("X-Injected"))
        #expect(!echoed.contains("If-None-Match"))
    }

    @Test func asyncFetchReturnsTheResponseAndThrowsTypedErrors() async throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let fetcher = HTTPFetcher()
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed")))
        #expect(response.body == loopbackFeedBody)
        do throws(FetchError) {
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/status/410")))
            Issue.record("410 did not throw")
        } catch {
            #expect(error.kind == .http(status: 410))
        }
    }
}
