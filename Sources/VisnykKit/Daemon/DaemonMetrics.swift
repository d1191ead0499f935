import Foundation
import Prometheus

/// The daemon's Prometheus metrics (`metrics = "127.0.0.1:9464"`), fed by every finished poll
/// and digest attempt and read by `MetricsServer`. Counters are atomic in swift-prometheus;
/// the registry hands back the same counter for the same name and labels.
public final class DaemonMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let spoolNewDirectory: String
    /// The size of each source's last full response: what a 304 saved.
    private let lastBodySizes = PthreadMutexBox<[String: Int]>([:])
    private let lag: DurationHistogram

    public init(spoolDirectory: String) {
        spoolNewDirectory = spoolDirectory + "/new"
        lag = registry.makeDurationHistogram(
            descriptor: Self.metric("scheduler_lag", "seconds", "How late polls start after the time they were due."),
            buckets: [.milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15), .seconds(60), .seconds(300)])
        registry.makeGauge(descriptor: Self.metric("build", "info", "Always 1; the version in a label."),
                           labels: [("version", VisnykVersion.current)]).set(Int64(1))
    }

    public func record(_ report: PollReport) {
        let source = [("source", report.source)]
        count(Self.polls, source + [("result", Self.resultClass(of: report))])
        if report.bytes > 0 { count(Self.downloaded, source, by: report.bytes) }
        switch report.outcome {
        case .fetched(let accepted):
            lastBodySizes.withLock { $0[report.source] = report.bytes }
            count(Self.articles, source + [("kind", "new")], by: accepted.new)
            count(Self.articles, source + [("kind", "updated")], by: accepted.updates)
            count(Self.articles, source + [("kind", "duplicate")], by: accepted.duplicates)
            if report.filtered > 0 { count(Self.articles, source + [("kind", "filtered")], by: report.filtered) }
            succeeded(report.source)
        case .notModified:
            if report.status == 304, let saved = lastBodySizes.withLock({ $0[report.source] }), saved > 0 {
                count(Self.saved, source, by: saved)
            }
            succeeded(report.source)
        case .failed, .retired:
            if report.parseFailed {
                count(Self.parseErrors, source)
            }
        }
        if let late = report.schedulerLag { lag.record(max(late, .zero)) }
    }

    public func record(digest: String, _ attempt: DigestAttempt) {
        let result: String
        switch attempt {
        case .sent: result = "sent"
        case .nothingNew: result = "nothing_new"
        case .failed: result = "failed"
        case .busy: return
        }
        count(Self.deliveries, [("digest", digest), ("result", result)])
    }

    /// The exposition text, with the spool's unread files counted now.
    public func exposition() -> [UInt8] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: spoolNewDirectory).count) ?? 0
        registry.makeGauge(descriptor: Self.metric("spool_new", "files", "Files in the spool's new/ not yet taken by a reader."))
            .set(Int64(files))
        return registry.emitToBuffer()
    }

    private func succeeded(_ source: String) {
        registry.makeGauge(descriptor: Self.lastSuccess, labels: [("source", source)])
            .set(Int64(Date().timeIntervalSince1970))
    }

    private func count(_ descriptor: MetricNameDescriptor, _ labels: [(String, String)], by amount: Int = 1) {
        registry.makeCounter(descriptor: descriptor, labels: labels).increment(by: Int64(amount))
    }

    private static func metric(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "visnyk", metricName: name, unitName: unit, helpText: help)
    }

    private static var polls: MetricNameDescriptor { metric("polls", "total", "Polls by source and result class.") }
    private static var downloaded: MetricNameDescriptor { metric("downloaded_bytes", "total", "Response bytes read (after decompression).") }
    private static var saved: MetricNameDescriptor { metric("not_modified_saved_bytes", "total",
                                      "Bytes not downloaded thanks to 304 Not Modified (the last full response's size).") }
    private static var articles: MetricNameDescriptor { metric("articles", "total", "Articles by what dedup (or the source's filters) made of them.") }
    private static var parseErrors: MetricNameDescriptor { metric("parse_errors", "total", "Polls whose document could not be parsed.") }
    private static var deliveries: MetricNameDescriptor { metric("digest_deliveries", "total", "Digest delivery attempts by result.") }
    private static var lastSuccess: MetricNameDescriptor { metric("last_success_timestamp", "seconds", "When each source was last polled successfully (Unix time).") }

    /// 2xx, 304, 4xx, 5xx from the final status; file for file sources; network or parse for
    /// failures without an HTTP error status.
    static func resultClass(of report: PollReport) -> String {
        if report.parseFailed { return "parse_error" }
        if let status = report.status {
            if status == 304 { return "304" }
            if status >= 400 || report.isFailure == false { return "\(status / 100)xx" }
        }
        switch report.outcome {
        case .failed, .retired: return "network_error"
        case .fetched, .notModified: return "file"
        }
    }
}
