import Foundation

extension Scheduler {
    /// Applies a new config: added sources start (spread like at start-up), removed ones stop
    /// (a poll in flight still finishes), changed ones keep their state. A source whose URL
    /// or file changed starts afresh: no validators, no stored redirect, not retired.
    /// Returns the settings that only a restart applies, for the log.
    public func apply(_ config: VisnykConfig, poller newPoller: SourcePoller, now: Date = Date()) throws -> [String] {
        let old = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let enabled = config.sources.filter(\.enabled)
        var added: [String] = []
        for source in enabled {
            if let previous = old[source.name] {
                if previous.location != source.location { try restart(source.name); added.append(source.name) }
            } else if isOverdue(source.name, state: try poller.store.sourceState(named: source.name), now: now) {
                added.append(source.name)
            }
        }
        let kept = Set(enabled.map(\.name))
        for name in old.keys where !kept.contains(name) {
            nextPoll[name] = nil
            retired.remove(name)
            failing.remove(name)
        }
        spread(added, now: now, minInterval: config.minInterval)
        let restartOnly = Self.restartOnlyChanges(from: poller.config, to: config)
        sources = enabled
        poller = newPoller
        // New sources get their cluster row (due at once); the others keep their schedule.
        if let cluster = poller.store.cluster { try cluster.join(sources: clusterSources(), now: now) }
        return restartOnly
    }

    private func restart(_ name: String) throws {
        var state = try poller.store.sourceState(named: name) ?? SourceState(name: name)
        state.currentURL = nil
        state.etag = nil
        state.lastModified = nil
        state.retired = false
        state.consecutiveFailures = 0
        state.failingSince = nil
        state.lastError = nil
        try poller.store.save(state)
        retired.remove(name)
    }

    static func restartOnlyChanges(from old: VisnykConfig, to new: VisnykConfig) -> [String] {
        var keys: [String] = []
        if old.stateDir != new.stateDir { keys.append("state_dir") }
        if old.spoolDir != new.spoolDir { keys.append("spool_dir") }
        if old.spoolFormat != new.spoolFormat { keys.append("spool_format") }
        if old.concurrency != new.concurrency { keys.append("concurrency") }
        if old.perHost != new.perHost { keys.append("per_host") }
        if old.connectTimeout != new.connectTimeout { keys.append("connect_timeout") }
        return keys
    }
}
