import Foundation

/// Polls one source once: fetch (or read the file), parse, dedup and spool, then record the
/// outcome in the state. The source's validators are saved only after its articles were
/// accepted, so a crash in between costs a re-fetch whose entries are then seen, never a loss.
public struct SourcePoller: Sendable {
    public let config: VisnykConfig
    let fetcher: MultiFetcher
    let store: any StateBackend
    let deduper: Deduper
    /// Where Telegram channels are read: `<base>/s/<channel>`; tests point it at a loopback server.
    var telegramBaseURL = "https://t.me"

    public init(config: VisnykConfig, fetcher: MultiFetcher, store: any StateBackend, deduper: Deduper) {
        self.config = config
        self.fetcher = fetcher
        self.store = store
        self.deduper = deduper
    }

    public func poll(_ source: SourceConfig, now: Date = Date()) async -> PollReport {
        let state: SourceState
        do {
            state = try store.sourceState(named: source.name) ?? SourceState(name: source.name)
        } catch {
            var random = SystemRandomNumberGenerator()
            let retry = policy(for: source).nextPollAfterFailure(now: now, consecutiveFailures: 1, retryAfter: nil,
                                                                 random: &random)
            return PollReport(source: source.name, outcome: .failed("\(error)"), nextPollAt: retry)
        }
        return await poll(source, state: state, now: now)
    }

    /// Polls `source` from its stored `state`. The new state is queued for the store's next
    /// batch commit.
    func poll(_ source: SourceConfig, state stored: SourceState, now: Date = Date()) async -> PollReport {
        var random = SystemRandomNumberGenerator()
        let policy = policy(for: source)
        var state = stored
        state.lastPollAt = now
        state.pollCount += 1
        var report: PollReport
        do {
            let document = try await fetch(source, state: state)
            let prepared = try await prepare(document, from: source, now: now)
            report = try receive(document, parsed: prepared?.feed, from: source, into: &state, policy: policy, now: now,
                                 random: &random)
            report.filtered = prepared?.filtered ?? 0
        } catch let failure as PollFailure where failure.isCancelled {
            // Stopping: the state stays as it was, so the source is simply due again at start.
            return PollReport(source: source.name, outcome: .failed(failure.description), nextPollAt: now)
        } catch let failure as PollFailure {
            report = record(failure, for: source, into: &state, policy: policy, now: now, random: &random)
        } catch {
            report = record(PollFailure("\(error)"), for: source, into: &state, policy: policy, now: now, random: &random)
        }
        do {
            try store.enqueueSave(state)
        } catch {
            report.outcome = .failed("the poll worked but its state could not be saved: \(error)")
        }
        return report
    }

    func policy(for source: SourceConfig) -> PollPolicy {
        PollPolicy(interval: source.interval ?? config.interval, minInterval: source.minimumInterval(global: config.minInterval),
                   maxBackoff: config.maxBackoff)
    }

    /// The URL polled: the stored target of a permanent redirect, else the configured one.
    static func currentURL(of source: SourceConfig, state: SourceState) -> String? {
        guard case .url(let configured) = source.location else { return nil }
        return state.currentURL ?? configured
    }
}
