import Foundation

/// When to poll a source next: the configured interval, lengthened (never shortened) by what
/// the feed and the server ask for, kept out of the feed's skipHours/skipDays, jittered so
/// that sources do not align; after failures, an exponential backoff. Pure: the clock and
/// the random numbers come from the caller.
public struct PollPolicy: Sendable {
    public var interval: Duration
    public var minInterval: Duration
    public var maxBackoff: Duration
    /// The longest a hint (ttl, sy:updatePeriod, Cache-Control, Expires) may lengthen the interval.
    public var maxHint: Duration

    /// The most jitter added to a poll time: 5% of the delay, at most this.
    static let maximumJitter: Duration = .seconds(30)

    public init(interval: Duration, minInterval: Duration, maxBackoff: Duration, maxHint: Duration = .seconds(86_400)) {
        self.interval = interval
        self.minInterval = minInterval
        self.maxBackoff = maxBackoff
        self.maxHint = maxHint
    }

    /// The next poll after a successful one (200 or 304) at `now`.
    public func nextPoll(after now: Date, hints: FeedPollHints, responseHeaders: [(name: String, value: String)],
                         random: inout some RandomNumberGenerator) -> Date {
        var delay = max(interval, minInterval)
        if let hint = hint(hints: hints, responseHeaders: responseHeaders, now: now) {
            delay = max(delay, min(hint, maxHint))
        }
        let jitter = randomJitter(for: delay, using: &random)
        let due = now + Self.seconds(delay) + jitter
        guard let allowed = Self.firstAllowedHour(atOrAfter: due, skipHours: hints.skipHours, skipDays: hints.skipDays) else {
            return due
        }
        // Moved to the top of an allowed hour: jitter again so that such sources do not align.
        return allowed + jitter
    }

    /// The next poll after `consecutiveFailures` failed polls in a row (counting the one at
    /// `now`): interval × 2^(failures−1), capped at `maxBackoff`, with "equal jitter" (a
    /// uniform pick in the upper half). Full jitter would sometimes poll a failing server
    /// sooner than a healthy one, which is the opposite of polite. A server's Retry-After
    /// wins when it is longer, clamped to `maxBackoff`.
    public func nextPollAfterFailure(now: Date, consecutiveFailures: Int, retryAfter: Duration?,
                                     random: inout some RandomNumberGenerator) -> Date {
        let base = Self.seconds(max(interval, minInterval))
        let cap = Self.seconds(max(maxBackoff, minInterval))
        let doublings = min(max(consecutiveFailures, 1) - 1, 62)
        let step = min(base * pow(2, Double(doublings)), cap)
        var delay = max(Double.random(in: step / 2...step, using: &random), Self.seconds(minInterval))
        if let retryAfter {
            let asked = min(Self.seconds(retryAfter), cap)
            if asked > delay {
                delay = asked + randomJitter(for: retryAfter, using: &random)
            }
        }
        return now + delay
    }

    /// Start times for sources that are overdue at start-up: spread evenly over `window`,
    /// in name order (stable across restarts), the first one now.
    public static func spreadOverdue(_ names: [String], now: Date, window: Duration) -> [String: Date] {
        let ordered = Array(Set(names)).sorted()
        let span = max(seconds(window), 0)
        var times: [String: Date] = [:]
        for (index, name) in ordered.enumerated() {
            times[name] = now + span * Double(index) / Double(ordered.count)
        }
        return times
    }

    /// The longest of the feed's and the server's hints, or nil when there is none.
    func hint(hints: FeedPollHints, responseHeaders: [(name: String, value: String)], now: Date) -> Duration? {
        let candidates = [hints.ttl, hints.updatePeriod, HTTPCachingHint.freshness(responseHeaders, now: now)]
        return candidates.compactMap { $0 }.filter { $0 > .zero }.max()
    }

    /// Up to 5% of `delay`, at most `maximumJitter`; never negative, so never below the minimum.
    func randomJitter(for delay: Duration, using random: inout some RandomNumberGenerator) -> Double {
        let limit = min(Self.seconds(delay) * 0.05, Self.seconds(Self.maximumJitter))
        guard limit > 0 else { return 0 }
        return Double.random(in: 0...limit, using: &random)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
