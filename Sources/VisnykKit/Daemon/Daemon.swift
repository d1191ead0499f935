import Foundation
import Logging

/// The running parts of Visnyk for one config: state, spool, fetcher, poller, scheduler.
/// Opening it recovers the spool after a crash before anything is polled.
public struct Daemon: Sendable {
    public let config: VisnykConfig
    public let store: any StateBackend
    public let deduper: Deduper
    public let fetcher: MultiFetcher
    public let scheduler: Scheduler
    public let digestTimer: DigestTimer
    public let recovery: RecoveryReport
    /// The Prometheus endpoint, bound but not yet serving; nil without a `metrics` key.
    public let metricsServer: MetricsServer?

    public init(config: VisnykConfig, onReport: @escaping @Sendable (PollReport) -> Void = { _ in },
                onDigest: @escaping DigestTimer.AttemptHandler = { _, _ in },
                onDigestError: @escaping DigestTimer.ErrorHandler = { _, _ in }) throws {
        MallocArenas.bound()
        self.config = config
        store = try StateBackends.open(config)
        let spool = try SpoolWriter(directory: config.spoolDir, format: config.spoolFormat)
        deduper = Deduper(store: store, spool: spool, nearDuplicates: config.nearDuplicates)
        recovery = try deduper.recover()
        fetcher = try MultiFetcher(settings: FetcherSettings(concurrency: config.concurrency, perHost: config.perHost,
                                                             connectTimeout: config.connectTimeout))
        let poller = SourcePoller(config: config, fetcher: fetcher, store: store, deduper: deduper)
        metricsServer = try config.metrics.map { address throws(MetricsServerError) in
            try MetricsServer(address: address, metrics: DaemonMetrics(spoolDirectory: config.spoolDir))
        }
        let metrics = metricsServer?.metrics
        scheduler = Scheduler(poller: poller, onReport: { report in
            metrics?.record(report)
            onReport(report)
        })
        digestTimer = DigestTimer(deliverer: DigestDeliverer(config: config, store: store),
                                  onAttempt: { digest, attempt in
                                      metrics?.record(digest: digest, attempt)
                                      onDigest(digest, attempt)
                                  }, onError: onDigestError)
    }

    /// A poller for a reloaded config that keeps this daemon's state, spool and fetcher.
    public func poller(for config: VisnykConfig) -> SourcePoller {
        SourcePoller(config: config, fetcher: fetcher, store: store,
                     deduper: Deduper(store: store, spool: deduper.spool, nearDuplicates: config.nearDuplicates))
    }

    /// Deletes seen hashes older than `retention`, and digest queue entries spooled before
    /// it; returns how many seen hashes went.
    public func prune(now: Date = Date()) throws -> Int {
        let cutoff = now.addingTimeInterval(-TimeInterval(config.retention.components.seconds))
        let pruned = try store.pruneSeen(before: cutoff)
        _ = try store.pruneDigestQueue(before: cutoff)
        return pruned
    }
}
