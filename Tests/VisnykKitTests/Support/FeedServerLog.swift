import Foundation
@testable import VisnykKit

extension TestHTTPServer {
    /// `feed_server.py` serving the files of `feeds` (default: Fixtures/feeds) at /feeds/,
    /// /gz/ and /br/, and `generated` feeds at /gen/<i>.xml.
    static func feedServer(feeds: URL = Fixture.url("feeds"), generated: Int = 0) throws -> TestHTTPServer {
        try TestHTTPServer(script: "feed_server.py", arguments: ["--feeds", feeds.path, "--gen", String(generated)])
    }

    /// What `feed_server.py` saw: every request since the last reset, and the most requests it
    /// had in progress at once, per Host header and in total.
    func requestLog() throws -> FeedServerLog {
        let response = try HTTPFetcher().fetch(FetchRequest(url: url("/__log")))
        return try JSONDecoder().decode(FeedServerLog.self, from: Data(response.body))
    }

    /// The request log once every logged response has been sent: the server notes a status
    /// after writing the response, so a client can hold the response a moment before the
    /// log has its status (seen under AddressSanitizer on a loaded machine). Waits at most 5 s.
    func settledRequestLog() async throws -> FeedServerLog {
        var log = try requestLog()
        for _ in 0..<100 where log.requests.contains(where: { $0.status == nil }) {
            try await Task.sleep(for: .milliseconds(50))
            log = try requestLog()
        }
        return log
    }

    func resetLog() throws {
        _ = try HTTPFetcher().fetch(FetchRequest(url: url("/__reset")))
    }
}

/// The JSON of `feed_server.py`'s `/__log`.
struct FeedServerLog: Decodable {
    struct Request: Decodable {
        var path: String
        var method: String
        var host: String
        /// The client's port of the connection the request came on.
        var clientPort: Int
        var ifNoneMatch: String?
        var ifModifiedSince: String?
        var acceptEncoding: String?
        var userAgent: String?
        var status: Int?

        enum CodingKeys: String, CodingKey {
            case path, method, host, status
            case clientPort = "client_port"
            case ifNoneMatch = "if_none_match"
            case ifModifiedSince = "if_modified_since"
            case acceptEncoding = "accept_encoding"
            case userAgent = "user_agent"
        }
    }

    var requests: [Request]
    var maxConcurrent: [String: Int]
    var maxConcurrentTotal: Int

    enum CodingKeys: String, CodingKey {
        case requests
        case maxConcurrent = "max_concurrent"
        case maxConcurrentTotal = "max_concurrent_total"
    }

    func requests(to path: String) -> [Request] {
        requests.filter { $0.path == path }
    }
}
