import Foundation
import Logging
import ServiceLifecycle

/// `visnyk run` as a swift-service-lifecycle service: READY=1 once started, STATUS= and
/// WATCHDOG=1 from the scheduler loop, SIGHUP reloads the config (RELOADING=1 … READY=1; an
/// invalid config is logged and the old one keeps running), SIGTERM stops scheduling and gives
/// transfers in flight `shutdownGrace` before they are cancelled (STOPPING=1).
public struct DaemonService: Service {
    /// Transfers get 8 s, so that recording them and exiting still fits in the 10 s promised.
    public static let shutdownGrace: Duration = .seconds(8)
    let daemon: Daemon
    let configPath: String
    let notifier: SystemdNotifier
    let logger: Logger

    public init(daemon: Daemon, configPath: String, notifier: SystemdNotifier = SystemdNotifier(), logger: Logger) {
        self.daemon = daemon
        self.configPath = configPath
        self.notifier = notifier
        self.logger = logger
    }

    public func run() async throws {
        try await daemon.scheduler.prepare()
        let daemon = daemon
        if let problem = await daemon.digestTimer.transportProblem {
            logger.error("digests cannot be delivered until this is fixed: \(problem)")
        }
        if !daemon.recovery.isEmpty { logger.notice("spool recovered after an unclean stop: \(daemon.recovery)") }
        if let metricsServer = daemon.metricsServer {
            metricsServer.start()
            logger.notice("serving Prometheus metrics on http://\(metricsServer.address)/metrics")
        }
        defer { daemon.metricsServer?.stop() }
        logger.notice("started: \(daemon.config.sources.filter(\.enabled).count) sources from \(configPath)")
        notifier.ready(status: "started, \(daemon.config.sources.filter(\.enabled).count) sources")
        let scheduler = daemon.scheduler
        let notifier = notifier
        let logger = logger
        let lastProblem = PthreadMutexBox<String?>(nil)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.handleReloads() }
            group.addTask { await self.pruneDaily() }
            group.addTask { await daemon.digestTimer.run() }
            await withGracefulShutdownHandler {
                await scheduler.run(tick: { notifier.watchdog() },
                                    statusChanged: { snapshot in
                                        notifier.status(snapshot.statusLine)
                                        Self.logClusterProblem(snapshot.clusterProblem, last: lastProblem, logger: logger)
                                    })
            } onGracefulShutdown: {
                notifier.stopping()
                Task {
                    await scheduler.stop()
                    await daemon.fetcher.shutdown(grace: Self.shutdownGrace)
                }
            }
            group.cancelAll()
        }
        logger.notice("stopped")
    }

    /// A failing shared database is logged once when it starts failing and once when it works again.
    private static func logClusterProblem(_ problem: String?, last: PthreadMutexBox<String?>, logger: Logger) {
        let previous = last.withLock { value -> String? in
            defer { value = problem }
            return value
        }
        if let problem, problem != previous {
            logger.error("claiming due sources failed; polls resume when the database answers again: \(problem)")
        } else if problem == nil, previous != nil {
            logger.notice("the state database answers again; claiming due sources")
        }
    }

    private func pruneDaily() async {
        while !Task.isCancelled {
            do {
                let pruned = try daemon.prune()
                if pruned > 0 { logger.info("forgot \(pruned) seen articles older than the retention period") }
            } catch {
                logger.error("pruning seen articles failed: \(error)")
            }
            try? await Task.sleep(for: .seconds(86_400))
        }
    }
}
