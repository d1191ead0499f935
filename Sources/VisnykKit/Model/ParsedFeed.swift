/// The result of parsing one feed document: the feed, its entries, and what was
/// repaired on the way (recovery mode, dropped dates, …) for the user to see.
public struct ParsedFeed: Sendable, Equatable {
    public var feed: Feed
    public var entries: [Entry]
    public var warnings: [String]
    /// How often the feed asks to be polled; for the scheduler, not written to the JSON.
    public var pollHints: FeedPollHints

    public init(feed: Feed, entries: [Entry], warnings: [String] = [], pollHints: FeedPollHints = FeedPollHints()) {
        self.feed = feed
        self.entries = entries
        self.warnings = warnings
        self.pollHints = pollHints
    }
}
