import Testing
@testable import VisnykKit

@Suite("HTTPFetcher errors against a loopback server")
struct HTTPFetcherErrorTests {
    static let oneMiB = 1 << 20

    @Test(arguments: [
        (404, "check the URL"), (410, "removed for good"), (403, "access was refused"),
        (401, "access was refused"), (500, "server error"), (502, "server error"),
    ])
    func statusesFromFourHundredUpAreErrorsThatSayWhatToDo(status: Int, advice: String) throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let url = server.url("/status/\(status)")
        let error = try #require(fetchFailure(FetchRequest(url: url)))
        #expect(error.kind == .http(status: status))
        #expect(error.status == status)
        #expect(error.url == url)
        #expect(error.description.hasPrefix(url + ": "))
        #expect(error.description.contains(String(status)))
        #expect(error.description.contains(advice))
    }

    @Test func tooManyRequestsCarriesRetryAfter() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let error = try #require(fetchFailure(FetchRequest(url: server.url("/too-many"))))
        #expect(error.kind == .http(status: 429))
        #expect(error.retryAfter == .seconds(120))
        #expect(error.description.contains("slow down"))
        #expect(error.description.contains("120 s"))

        let unavailable = try #require(fetchFailure(FetchRequest(url: server.url("/unavailable"))))
        #expect(unavailable.kind == .http(status: 503))
        #expect(unavailable.retryAfter == .seconds(30))
    }

    @Test func aRedirectLoopStopsAtTheLimit() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let error = try #require(fetchFailure(FetchRequest(url: server.url("/loop"))))
        #expect(error.kind == .tooManyRedirects(limit: FetchRequest.maxRedirects))
        #expect(error.description.contains("loop"))
    }

    @Test func aBodyExactlyAtTheCapIsAccepted() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let response = try HTTPFetcher().fetch(FetchRequest(url: server.url("/large?size=\(Self.oneMiB)"), maxSize: Self.oneMiB))
        #expect(response.body.count == Self.oneMiB)
    }

    @Test(arguments: ["/large", "/large-chunked", "/bomb"])
    func bodiesPastTheCapAreRefused(route: String) throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let request = FetchRequest(url: server.url("\(route)?size=\(2 * Self.oneMiB)"), maxSize: Self.oneMiB)
        let error = try #require(fetchFailure(request))
        #expect(error.kind == .tooLarge(limit: Self.oneMiB))
        #expect(error.description.contains("1 MiB"))
    }

    @Test func aSlowServerTimesOut() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let start = ContinuousClock.now
        let request = FetchRequest(url: server.url("/slow?seconds=5"), timeout: .milliseconds(500))
        let error = try #require(fetchFailure(request))
        #expect(error.kind == .timeout)
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(error.description.contains("0.5 s"))
    }

    @Test(arguments: ["file:///etc/hostname", "ftp://127.0.0.1/feed.xml", "gopher://127.0.0.1/"])
    func otherSchemesAreRefused(url: String) {
        let error = fetchFailure(FetchRequest(url: url))
        #expect(error?.kind == .unsupportedScheme)
        #expect(error?.description.contains("only http:// and https://") == true)
    }

    @Test func aRedirectToAFileURLIsRefused() throws {
        let server = try startFetchServer()
        defer { server.stop() }
        let error = try #require(fetchFailure(FetchRequest(url: server.url("/to-file"))))
        #expect(error.kind == .unsupportedScheme)
    }

    @Test func aClosedPortIsATransportErrorWithCurlsMessage() throws {
        let server = try startFetchServer()
        let url = server.url("/feed")
        server.stop()
        let error = try #require(fetchFailure(FetchRequest(url: url)))
        guard case .transport(let code, let message) = error.kind else {
            Issue.record("expected a transport error, got \(error.kind)")
            return
        }
        #expect(code == 7)
        #expect(message.contains("127.0.0.1"))
        #expect(error.description.contains("could not connect"))
    }

    @Test func aMalformedURLIsATransportError() {
        let error = fetchFailure(FetchRequest(url: "http://"))
        guard case .transport(let code, _)? = error?.kind else {
            Issue.record("expected a transport error, got \(String(describing: error?.kind))")
            return
        }
        #expect(code == 3)
        #expect(error?.description.contains("not a valid URL") == true)
    }
}
