import Testing
@testable import VisnykKit

@Suite("MultiFetcher against feed_server.py")
struct MultiFetcherTests {
    static let feed = "rss20-full.xml"

    @Test func secondFetchIsConditionalAndAnswered304AtTheServer() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let url = server.url("/feeds/\(Self.feed)")
        let agent = "visnyk-test/1 (+https://example.org/visnyk)"

        let first = try await fetcher.fetch(FetchRequest(url: url, userAgent: agent))
        #expect(first.status == 200)
        #expect(first.body == (try servedFeed(Self.feed)))
        let etag = try #require(first.etag)
        let lastModified = try #require(first.lastModified)

        let second = try await fetcher.fetch(FetchRequest(url: url, userAgent: agent, etag: etag, lastModified: lastModified))
        #expect(second.isNotModified)
        #expect(second.body.isEmpty)
        #expect(second.etag == etag)

        let seen = try await server.settledRequestLog().requests(to: "/feeds/\(Self.feed)")
        #expect(seen.count == 2)
        #expect(seen.first?.ifNoneMatch == nil && seen.first?.ifModifiedSince == nil)
        #expect(seen.first?.status == 200)
        #expect(seen.last?.ifNoneMatch == etag)
        #expect(seen.last?.ifModifiedSince == lastModified)
        #expect(seen.last?.status == 304)
        #expect(seen.allSatisfy { $0.userAgent == agent && $0.method == "GET" })
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test(arguments: [("gz", "gzip"), ("br", "br")])
    func decodesCompressedBodies(prefix: String, coding: String) async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/\(prefix)/\(Self.feed)")))
        #expect(response.header("Content-Encoding") == coding)
        #expect(response.body == (try servedFeed(Self.feed)))
        let accepted = try #require(server.requestLog().requests.first?.acceptEncoding)
        for offered in ["gzip", "deflate", "br", "zstd"] { #expect(accepted.contains(offered)) }
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test(arguments: [
        ("/fault/301/feeds/", [301], true),
        ("/fault/308/fault/301/feeds/", [308, 301], true),
        ("/fault/302/feeds/", [302], false),
        ("/fault/307/feeds/", [307], false),
        ("/fault/301/fault/307/feeds/", [301, 307], false),
    ])
    func recordsEveryHopSoOnlyPermanentChainsRelink(prefix: String, hops: [Int], permanent: Bool) async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let response = try await fetcher.fetch(FetchRequest(url: server.url(prefix + Self.feed)))
        #expect(response.status == 200)
        #expect(response.redirectStatuses == hops)
        #expect(response.isPermanentlyRedirected == permanent)
        #expect(response.effectiveURL == server.url("/feeds/\(Self.feed)"))
        #expect(response.body == (try servedFeed(Self.feed)))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func followsAnAbsoluteLocation() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let target = server.url("/feeds/\(Self.feed)")
        let response = try await fetcher.fetch(FetchRequest(url: server.url("/fault/308?to=\(target)")))
        #expect(response.redirectStatuses == [308])
        #expect(response.effectiveURL == target)
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func passesWrongContentTypesAndInvalidXMLOnToTheParser() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let image = try await fetcher.fetch(FetchRequest(url: server.url("/fault/wrong-type")))
        #expect(image.contentType == "image/png")
        #expect(String(decoding: image.body, as: UTF8.self).contains("<rss"))
        let broken = try await fetcher.fetch(FetchRequest(url: server.url("/fault/invalid-xml")))
        #expect(broken.status == 200)
        #expect(String(decoding: broken.body, as: UTF8.self).hasSuffix("</item>"))
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func reusesConnectionsAcrossFetches() async throws {
        let server = try TestHTTPServer.feedServer()
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 4, perHost: 1))
        for path in ["/feeds/\(Self.feed)", "/gz/\(Self.feed)", "/fault/301/feeds/\(Self.feed)", "/feeds/atom10-full.xml"] {
            #expect(try await fetcher.fetch(FetchRequest(url: server.url(path))).status == 200)
        }
        let ports = Set(try server.requestLog().requests.map(\.clientPort))
        #expect(ports.count == 1)
        await fetcher.shutdown(grace: .seconds(5))
    }

    @Test func fiftyParallelFetchesAllComplete() async throws {
        let server = try TestHTTPServer.feedServer(generated: 50)
        defer { server.stop() }
        let fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: 16, perHost: 8))
        let bodies = try await withThrowingTaskGroup(of: (Int, FetchResponse).self) { group in
            for index in 0..<50 {
                let request = FetchRequest(url: server.url("/gen/\(index).xml"))
                group.addTask { (index, try await fetcher.fetch(request)) }
            }
            var bodies: [Int: String] = [:]
            for try await (index, response) in group {
                #expect(response.status == 200)
                #expect(response.etag == "\"gen-\(index)\"")
                bodies[index] = String(decoding: response.body, as: UTF8.self)
            }
            return bodies
        }
        #expect(bodies.count == 50)
        for (index, body) in bodies { #expect(body.contains("<title>Generated feed \(index)</title>")) }
        #expect(try server.requestLog().requests.count == 50)
        await fetcher.shutdown(grace: .seconds(5))
    }
}
