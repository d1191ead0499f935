@testable import VisnykKit

/// Starts the fetcher's loopback server for one test.
func startFetchServer() throws -> TestHTTPServer {
    try TestHTTPServer(script: "fetch_server.py")
}

/// The error a fetch throws, or nil if it succeeded.
func fetchFailure(_ request: FetchRequest) -> FetchError? {
    do throws(FetchError) {
        _ = try HTTPFetcher().fetch(request)
        return nil
    } catch {
        return error
    }
}

/// The feed body `/feed` serves, as the server script defines it.
let loopbackFeedBody: [UInt8] = Array(("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    + "<rss version=\"2.0\"><channel><title>Loopback feed</title>"
    + "<item><title>Вісник</title></item></channel></rss>\n").utf8)

/// The error a `MultiFetcher` fetch throws, or nil if it succeeded.
func fetchFailure(_ request: FetchRequest, with fetcher: MultiFetcher) async -> FetchError? {
    do throws(FetchError) {
        _ = try await fetcher.fetch(request)
        return nil
    } catch {
        return error
    }
}

/// The bytes of a fixture feed as `feed_server.py` serves it under /feeds/.
func servedFeed(_ name: String) throws -> [UInt8] {
    try Fixture.bytes("feeds/" + name)
}
