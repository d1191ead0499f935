import Foundation

/// Decides which source is polled when: each source's next poll time (persisted by the
/// poller), the total concurrency limit, and per-host pauses after 429/503 Retry-After.
/// The run loop ticks at most every second, which also drives the watchdog pings.
public actor Scheduler {
    var sources: [SourceConfig] {
        didSet { sourceIndex = Self.index(sources) }
    }
    /// Each source's position in `sources`, so that a report is matched without a scan.
    var sourceIndex: [String: Int] = [:]
    var poller: SourcePoller
    var nextPoll: [String: Date] = [:]
    var inFlight: Set<String> = []
    var retired: Set<String> = []
    var hostPausedUntil: [String: Date] = [:]
    var stopRequested = false
    var failing: Set<String> = []
    var snapshot = SchedulerSnapshot()
    /// In a cluster: how many sources the last claim returned, when leases were last renewed,
    /// and the database's last error (shown in the status line until a claim works again).
    var lastClaimCount = 0
    var lastRenewal: ContinuousClock.Instant?
    var clusterProblem: String?
    private let onReport: @Sendable (PollReport) -> Void

    /// `onReport` sees every finished poll (logs, progress, sd_notify STATUS).
    public init(poller: SourcePoller, onReport: @escaping @Sendable (PollReport) -> Void = { _ in }) {
        self.poller = poller
        self.sources = poller.config.sources.filter(\.enabled)
        self.onReport = onReport
        sourceIndex = Self.index(sources)
    }

    private static func index(_ sources: [SourceConfig]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(sources.count)
        for (position, source) in sources.enumerated() where positions[source.name] == nil {
            positions[source.name] = position
        }
        return positions
    }

    /// Loads each source's next poll time from the state; overdue and new sources are spread
    /// over a short window instead of all starting at once.
    public func prepare(now: Date = Date()) throws {
        if let cluster = poller.store.cluster {
            try cluster.join(sources: clusterSources(), now: now)
            return
        }
        var overdue: [String] = []
        let states = Dictionary(try poller.store.allSourceStates().map { ($0.name, $0) },
                                uniquingKeysWith: { first, _ in first })
        for source in sources where isOverdue(source.name, state: states[source.name], now: now) {
            overdue.append(source.name)
        }
        spread(overdue, now: now, minInterval: poller.config.minInterval)
    }

    /// Files a source by its stored state: retired, or due at its stored time; true when it
    /// is due already (or new), to be spread with the others.
    func isOverdue(_ name: String, state: SourceState?, now: Date) -> Bool {
        if state?.retired == true {
            retired.insert(name)
            return false
        }
        if let next = state?.nextPollAt, next > now {
            nextPoll[name] = next
            return false
        }
        return true
    }

    func spread(_ overdue: [String], now: Date, minInterval: Duration) {
        let window = Self.startWindow(overdue: overdue.count, minInterval: minInterval)
        for (name, date) in PollPolicy.spreadOverdue(overdue, now: now, window: window) {
            nextPoll[name] = date
        }
    }

    /// 20 starts a second, at most over `min_interval`: a handful of sources start at once.
    static func startWindow(overdue: Int, minInterval: Duration) -> Duration {
        min(minInterval, .milliseconds(overdue * 50))
    }

    /// Polls due sources until ``stop()``. `tick` runs once per loop turn (the watchdog ping,
    /// so a hung loop trips it); `statusChanged` when the summary changed.
    public func run(tick: @escaping @Sendable () -> Void = {},
                    statusChanged: @escaping @Sendable (SchedulerSnapshot) -> Void = { _ in }) async {
        var reported: SchedulerSnapshot?
        let cluster = poller.store.cluster
        await withDiscardingTaskGroup { group in
            while !stopRequested {
                let now = Date()
                let due: [(SourceConfig, lag: Duration?)] = if let cluster {
                    claimDue(from: cluster, now: now)
                } else {
                    takeDue(now: now).map { ($0, nextPoll[$0.name].map { Duration.seconds(now.timeIntervalSince($0)) }) }
                }
                for (source, lag) in due {
                    let poller = self.poller
                    group.addTask {
                        var report = await poller.poll(source)
                        report.schedulerLag = lag
                        if let cluster { Self.release(report, source: source, in: cluster) }
                        await self.finish(report)
                    }
                }
                if let cluster { renewLeases(of: cluster, now: now) }
                snapshot.sources = sources.count
                snapshot.retired = retired.count
                snapshot.failing = failing.count
                snapshot.clusterProblem = clusterProblem
                commitQueuedStates()
                tick()
                if reported != snapshot {
                    reported = snapshot
                    statusChanged(snapshot)
                }
                try? await Task.sleep(for: cluster == nil ? sleepTime(now: Date()) : clusterSleepTime())
            }
        }
        commitQueuedStates()
        // Whatever this node still held is due again for the others at once.
        try? cluster?.leave()
    }

    /// Commits the states of polls that finished since the last batch. On failure they stay
    /// queued and are retried at the next turn; a poll whose own save finds the store still
    /// failing reports it.
    func commitQueuedStates() {
        guard poller.store.hasQueuedStates else { return }
        try? poller.store.flushStates()
    }

    /// Ends ``run(tick:)``: nothing new starts; polls in flight finish (the fetcher bounds them).
    public func stop() {
        stopRequested = true
    }

    /// The sources to start now, marked in flight: due, not retired, host not paused, and no
    /// more than the free share of `concurrency`.
    func takeDue(now: Date) -> [SourceConfig] {
        var free = poller.config.concurrency - inFlight.count
        var due: [SourceConfig] = []
        for source in sources where free > 0 && !inFlight.contains(source.name) && !retired.contains(source.name) {
            guard let next = nextPoll[source.name], next <= now else { continue }
            // A URL is parsed only while some host is paused (rare), not for every poll.
            if !hostPausedUntil.isEmpty, let host = Self.host(of: source), let until = hostPausedUntil[host], until > now {
                continue
            }
            inFlight.insert(source.name)
            due.append(source)
            free -= 1
        }
        return due
    }

    func finish(_ report: PollReport) {
        inFlight.remove(report.source)
        guard let index = sourceIndex[report.source] else { return }
        let source = sources[index]
        if case .retired = report.outcome { retired.insert(source.name) }
        if report.isFailure { failing.insert(source.name) } else { failing.remove(source.name) }
        snapshot.polls += 1
        snapshot.lastPollAt = Date()
        if case .fetched(let accepted) = report.outcome { snapshot.newArticles += accepted.new + accepted.updates }
        nextPoll[source.name] = report.nextPollAt
        if let pause = report.retryAfter, let host = Self.host(of: source) {
            let until = Date().addingTimeInterval(TimeInterval(pause.components.seconds))
            hostPausedUntil[host] = max(hostPausedUntil[host] ?? until, until)
        }
        onReport(report)
    }

    private func sleepTime(now: Date) -> Duration {
        let soonest = nextPoll.values.min().map { $0.timeIntervalSince(now) } ?? 1
        return .milliseconds(Int(max(0.05, min(1, soonest)) * 1000))
    }

    static func host(of source: SourceConfig) -> String? {
        guard case .url(let url) = source.location else { return nil }
        return URLComponents(string: url)?.host?.lowercased()
    }
}
