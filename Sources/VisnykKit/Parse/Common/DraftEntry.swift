import Foundation

/// An entry as a wire-format adapter understood it, before the shared normalizing step
/// (sanitizing, text extraction, boilerplate removal, hashing) turns it into an `Entry`.
struct DraftEntry {
    var id: String?
    var title: FeedText?
    var link: String?
    var published: Date?
    var updated: Date?
    var authors: [Author] = []
    var summary: FeedText?
    var content: FeedText?
    var categories: [String] = []
    var enclosures: [Enclosure] = []
}

/// A feed as a wire-format adapter understood it.
struct DraftFeed {
    var format: FeedFormat
    var title: FeedText?
    var link: String?
    var description: FeedText?
    var language: String?
    var updated: Date?
    var entries: [DraftEntry] = []
    var warnings: [String] = []
    var pollHints = FeedPollHints()

    init(format: FeedFormat) {
        self.format = format
    }
}
