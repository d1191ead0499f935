/// What a feed says about how often it wants to be polled (RSS `<ttl>`, `<skipHours>`,
/// `<skipDays>`, the syndication module's `sy:updatePeriod` / `sy:updateFrequency`). Hints
/// only: the scheduler decides (see `PollPolicy`). Not part of the article JSON.
public struct FeedPollHints: Sendable, Equatable {
    /// RSS `<ttl>` (written in minutes).
    public var ttl: Duration?
    /// `sy:updatePeriod` divided by `sy:updateFrequency`.
    public var updatePeriod: Duration?
    /// Hours 0-23 UTC in which the feed asks not to be polled.
    public var skipHours: Set<Int>
    /// Days in which the feed asks not to be polled: 1 = Sunday … 7 = Saturday.
    public var skipDays: Set<Int>

    public init(ttl: Duration? = nil, updatePeriod: Duration? = nil, skipHours: Set<Int> = [], skipDays: Set<Int> = []) {
        self.ttl = ttl
        self.updatePeriod = updatePeriod
        self.skipHours = skipHours
        self.skipDays = skipDays
    }

    /// True when the feed gave no hint at all.
    public var isEmpty: Bool {
        ttl == nil && updatePeriod == nil && skipHours.isEmpty && skipDays.isEmpty
    }
}
