import Foundation

/// An atom:link (RFC 4287 §4.2.7), href already absolute.
struct AtomLink {
    var href: String
    var rel: String
    var type: String?
    var length: Int64?
}

/// An Atom 1.0 or 0.3 entry as written.
struct AtomEntry {
    var id: String?
    var title: FeedText?
    var links: [AtomLink] = []
    var published: Date?
    var updated: Date?
    var authors: [Author] = []
    var sourceAuthors: [Author] = []
    var summary: FeedText?
    var content: FeedText?
    var categories: [String] = []
}

/// An Atom 1.0 or 0.3 feed as written.
struct AtomFeed {
    var format: FeedFormat
    var title: FeedText?
    var subtitle: FeedText?
    var links: [AtomLink] = []
    var language: String?
    var updated: Date?
    var authors: [Author] = []
    var entries: [AtomEntry] = []

    init(format: FeedFormat) {
        self.format = format
    }
}
