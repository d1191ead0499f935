import Foundation

/// Sends each configured digest at its scheduled wall-clock times, inside the daemon.
///
/// What systemd's `Persistent=true` timers do, done here: a digest whose scheduled time passed
/// while the daemon was down is sent once at start, covering the whole gap (one message, not
/// one per missed day). Times are wall-clock times in the digest's zone, re-evaluated at least
/// every minute, so clock jumps and DST changes are followed. A failed delivery is retried on
/// the `DigestRetry` steps; a scheduled time that passes meanwhile is folded into the retry.
public actor DigestTimer {
    public typealias AttemptHandler = @Sendable (_ digest: String, _ attempt: DigestAttempt) -> Void
    public typealias ErrorHandler = @Sendable (_ digest: String, _ error: any Error) -> Void

    private var digests: [DigestConfig]
    private var deliverer: DigestDeliverer
    private let onAttempt: AttemptHandler
    private let onError: ErrorHandler
    /// Wake-ups are at most this far apart, whatever the schedule says.
    static let longestSleep: TimeInterval = 60

    public init(deliverer: DigestDeliverer, onAttempt: @escaping AttemptHandler = { _, _ in },
                onError: @escaping ErrorHandler = { _, _ in }) {
        self.deliverer = deliverer
        digests = deliverer.config.digests
        self.onAttempt = onAttempt
        self.onError = onError
    }

    /// A reloaded config: digests added, removed or changed; states are kept by name.
    public func apply(_ deliverer: DigestDeliverer) {
        self.deliverer = deliverer
        digests = deliverer.config.digests
    }

    /// Why no digest can be delivered (no usable `[mail]`), when there are digests.
    public var transportProblem: String? {
        digests.isEmpty ? nil : deliverer.transportProblem
    }

    /// Delivers every digest due at `now` (a scheduled time passed since the last one covered,
    /// or a retry whose time came), one after the other. Returns what each attempt came to.
    @discardableResult
    public func runDue(now: Date) async -> [(digest: String, attempt: DigestAttempt)] {
        var attempts: [(digest: String, attempt: DigestAttempt)] = []
        for digest in digests {
            do {
                guard let slot = try dueSlot(of: digest, now: now) else { continue }
                let attempt = try await deliverer.deliver(digest, slot: slot, now: now)
                onAttempt(digest.name, attempt)
                attempts.append((digest.name, attempt))
            } catch {
                onError(digest.name, error)
            }
        }
        return attempts
    }

    /// The earliest instant after `now` at which a digest may become due; nil with no digests.
    public func nextWake(after now: Date) -> Date? {
        var earliest: Date?
        for digest in digests {
            guard let schedule = try? DigestSchedule(digest),
                  let state = try? deliverer.state(of: digest, now: now, save: false) else { continue }
            let wake = state.nextAttemptAt ?? schedule.nextSlot(after: max(state.lastSlot ?? now, now))
            earliest = min(earliest ?? wake, wake)
        }
        return earliest
    }

    /// The loop of `visnyk run`, until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            let now = Date()
            await runDue(now: now)
            let wake = nextWake(after: now) ?? now.addingTimeInterval(Self.longestSleep)
            let wait = min(max(wake.timeIntervalSince(Date()), 1), Self.longestSleep)
            try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        }
    }

    /// The scheduled instant a delivery now stands for, or nil when the digest is not due: a
    /// pending retry waits for its time (and then covers every slot passed meanwhile);
    /// otherwise the latest slot after the one last covered.
    private func dueSlot(of digest: DigestConfig, now: Date) throws -> Date? {
        let schedule = try DigestSchedule(digest)
        let state = try deliverer.state(of: digest, now: now, save: true)
        if let retryAt = state.nextAttemptAt {
            guard retryAt <= now else { return nil }
            return schedule.latestSlot(atOrBefore: now) ?? now
        }
        return schedule.dueSlot(lastCovered: state.lastSlot ?? now, now: now)
    }
}
