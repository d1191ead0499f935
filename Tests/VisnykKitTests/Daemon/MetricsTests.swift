import Foundation
import Testing
@testable import VisnykKit

@Suite("Prometheus metrics")
struct MetricsTests {
    private func exposition(_ metrics: DaemonMetrics) -> String {
        String(decoding: metrics.exposition(), as: UTF8.self)
    }

    @Test("polls by result class, bytes, 304 savings, articles, parse errors, digests, last success")
    func recording() throws {
        let directory = try TemporaryDirectory("visnyk-metrics")
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.appending("spool/new"), withIntermediateDirectories: true)
        for name in ["1.a.json", "2.b.json"] {
            try Data("{}".utf8).write(to: URL(fileURLWithPath: directory.appending("spool/new/\(name)")))
        }
        let metrics = DaemonMetrics(spoolDirectory: directory.appending("spool"))
        var fetched = PollReport(source: "Львів", outcome: .fetched(AcceptOutcome(new: 3, updates: 1, duplicates: 5)),
                                 status: 200, nextPollAt: Date())
        fetched.bytes = 4096
        fetched.schedulerLag = .milliseconds(250)
        metrics.record(fetched)
        metrics.record(PollReport(source: "Львів", outcome: .notModified, status: 304, nextPollAt: Date()))
        var broken = PollReport(source: "Broken \"feed\"", outcome: .failed("not a feed"), status: 200, nextPollAt: Date())
        broken.parseFailed = true
        metrics.record(broken)
        metrics.record(PollReport(source: "Down", outcome: .failed("503"), status: 503, nextPollAt: Date()))
        metrics.record(PollReport(source: "Offline", outcome: .failed("could not connect"), nextPollAt: Date()))
        metrics.record(digest: "morning", .sent(messageID: "<a@b>", articles: 3, sources: 1, recipients: ["r@example.org"]))
        metrics.record(digest: "morning", .failed(reason: "refused", retryAt: Date()))
        let text = exposition(metrics)
        for line in [
            #"visnyk_polls_total{source="Львів",result="2xx"} 1"#,
            #"visnyk_polls_total{source="Львів",result="304"} 1"#,
            #"visnyk_polls_total{source="Broken \"feed\"",result="parse_error"} 1"#,
            #"visnyk_polls_total{source="Down",result="5xx"} 1"#,
            #"visnyk_polls_total{source="Offline",result="network_error"} 1"#,
            #"visnyk_downloaded_bytes_total{source="Львів"} 4096"#,
            #"visnyk_not_modified_saved_bytes_total{source="Львів"} 4096"#,
            #"visnyk_articles_total{source="Львів",kind="new"} 3"#,
            #"visnyk_articles_total{source="Львів",kind="duplicate"} 5"#,
            #"visnyk_parse_errors_total{source="Broken \"feed\""} 1"#,
            #"visnyk_digest_deliveries_total{digest="morning",result="sent"} 1"#,
            #"visnyk_digest_deliveries_total{digest="morning",result="failed"} 1"#,
            "visnyk_spool_new_files 2",
            #"visnyk_scheduler_lag_seconds_bucket{le="0.5"} 1"#,
        ] {
            #expect(text.contains(line), "missing: \(line)")
        }
        #expect(text.contains(#"visnyk_last_success_timestamp_seconds{source="Львів"} "#))
        #expect(!text.contains(#"visnyk_last_success_timestamp_seconds{source="Down"}"#))
    }

    @Test("the server answers GET /metrics, 404 elsewhere, 405 for other methods")
    func server() throws {
        let metrics = DaemonMetrics(spoolDirectory: "/nonexistent")
        let server = try MetricsServer(address: MetricsAddress(host: "127.0.0.1", port: 0), metrics: metrics)
        server.start()
        defer { server.stop() }
        #expect(server.address.port > 0)
        metrics.record(PollReport(source: "A", outcome: .notModified, status: 304, nextPollAt: Date()))
        let base = "http://127.0.0.1:\(server.address.port)"
        let response = try HTTPFetcher().fetch(FetchRequest(url: base + "/metrics"))
        #expect(response.status == 200)
        #expect(response.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self).contains(#"visnyk_polls_total{source="A",result="304"} 1"#))
        let missing = #expect(throws: FetchError.self) { try HTTPFetcher().fetch(FetchRequest(url: base + "/other")) }
        #expect(missing?.status == 404)
    }

    @Test("a taken port stops start-up with the address and what to do")
    func takenPort() throws {
        let first = try MetricsServer(address: MetricsAddress(host: "127.0.0.1", port: 0), metrics: DaemonMetrics(spoolDirectory: "/x"))
        let error = #expect(throws: MetricsServerError.self) {
            try MetricsServer(address: first.address, metrics: DaemonMetrics(spoolDirectory: "/x"))
        }
        #expect(error?.description.contains("cannot listen on 127.0.0.1:\(first.address.port)") == true)
    }

    @Test("the metrics key: an address and port, true for the loopback default, errors with their line")
    func config() throws {
        func metrics(_ value: String) throws -> MetricsAddress? {
            try ConfigLoader.parse("metrics = \(value)\n", path: "/x.toml").metrics
        }
        #expect(try metrics("\"127.0.0.1:9464\"") == MetricsAddress(host: "127.0.0.1", port: 9464))
        #expect(try metrics("\"[::1]:9100\"") == MetricsAddress(host: "::1", port: 9100))
        #expect(try metrics("\"0.0.0.0:9464\"")?.isLoopback == false)
        #expect(try metrics("true") == MetricsAddress(host: "127.0.0.1", port: 9464))
        #expect(try metrics("false") == nil)
        #expect(try ConfigLoader.parse("", path: "/x.toml").metrics == nil)
        for bad in ["\"localhost:9464\"", "\"127.0.0.1\"", "\"127.0.0.1:0\"", "\"127.0.0.1:70000\"", "\"[::1:9464\""] {
            let error = #expect(throws: ConfigError.self) { try ConfigLoader.parse("metrics = \(bad)\n", path: "/x.toml") }
            #expect(error?.problems.first?.line == 1 && error?.problems.first?.key == "metrics", "\(bad)")
        }
    }
}
