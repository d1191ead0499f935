/// The result of parsing one feed document: the feed, its entries, and what was
/// repaired on the way (recovery mode, dropped dates, …) for the user to see.
public struct ParsedFeed: Sendable, Equatable {
    public var feed: Feed
    public var entries: [Entry]
    public var warnings: [String]

    public init(feed: Feed, entries: [Entry], warnings: [String] = []) {
        self.feed = feed
        self.entries = entries
        self.warnings = warnings
    }
}
