import Foundation

/// The scheduler when the state is shared by several daemons (``ClusterCoordinator``): due
/// sources are not read from this node's memory but claimed from the database under a lease,
/// renewed while they are polled and released with their next poll time.
extension Scheduler {
    /// The sources of this config as the cluster counts them (host for per-host politeness).
    func clusterSources() -> [ClusterSource] {
        sources.map { ClusterSource(name: $0.name, host: Self.host(of: $0)) }
    }

    /// Claims what this node may start now, marked in flight; sources this node's config does
    /// not know (another node's config lists them) are handed back for a minute.
    func claimDue(from cluster: any ClusterCoordinator, now: Date) -> [(SourceConfig, lag: Duration?)] {
        let free = poller.config.concurrency - inFlight.count
        guard free > 0 else { return [] }
        let claimed: [ClaimedSource]
        do {
            claimed = try cluster.claimDue(limit: free, perHost: poller.config.perHost, now: now)
            clusterProblem = nil
        } catch {
            clusterProblem = "\(error)"
            return []
        }
        lastClaimCount = claimed.count
        var due: [(SourceConfig, lag: Duration?)] = []
        for claim in claimed {
            guard let index = sourceIndex[claim.name], !inFlight.contains(claim.name) else {
                try? cluster.release(claim.name, nextPollAt: now.addingTimeInterval(60))
                continue
            }
            inFlight.insert(claim.name)
            due.append((sources[index], claim.dueAt.map { Duration.seconds(now.timeIntervalSince($0)) }))
        }
        return due
    }

    /// Renews the leases of the polls in flight every third of the lease, so that a long poll
    /// is not taken over while it runs.
    func renewLeases(of cluster: any ClusterCoordinator, now: Date) {
        let every = cluster.leaseDuration / 3
        if let last = lastRenewal, ContinuousClock.now - last < every { return }
        lastRenewal = ContinuousClock.now
        do {
            try cluster.renew(Array(inFlight), now: now)
        } catch {
            clusterProblem = "\(error)"
        }
    }

    /// After a poll: its state is written already (the store writes at once in a cluster);
    /// the lease goes with the next poll time, and a Retry-After pauses the host for every node.
    nonisolated static func release(_ report: PollReport, source: SourceConfig, in cluster: any ClusterCoordinator) {
        if let pause = report.retryAfter, let host = host(of: source) {
            try? cluster.pauseHost(host, until: Date().addingTimeInterval(TimeInterval(pause.components.seconds)))
        }
        try? cluster.release(report.source, nextPollAt: report.nextPollAt)
    }

    /// How long to sleep in a cluster: soon again while claims come back full (a backlog),
    /// else a second (the lease and heartbeat need nothing faster).
    func clusterSleepTime() -> Duration {
        lastClaimCount > 0 ? .milliseconds(100) : .seconds(1)
    }
}
