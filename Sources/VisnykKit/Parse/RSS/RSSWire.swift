import Foundation

/// An RSS 0.9x / 1.0 / 2.0 item, element by element, with the namespaced extensions people
/// use; precedence between them is the adapter's business.
struct RSSItem {
    var title: FeedText?
    var dcTitle: FeedText?
    var link: String?
    var atomLinks: [AtomLink] = []
    var guid: String?
    /// The guid resolved against the xml:base in scope, for when it is the permalink.
    var guidURL: String?
    var guidIsPermaLink = true
    var about: String?
    var description: FeedText?
    var dcDescription: FeedText?
    var itunesSummary: FeedText?
    var atomSummary: FeedText?
    var contentEncoded: FeedText?
    var atomContent: FeedText?
    var pubDate: Date?
    var dcDate: Date?
    var issued: Date?
    var atomPublished: Date?
    var atomUpdated: Date?
    var modified: Date?
    var authors: [String] = []
    var dcAuthors: [String] = []
    var dcCreators: [String] = []
    var itunesAuthor: String?
    var atomAuthors: [Author] = []
    var categories: [String] = []
    var dcSubjects: [String] = []
    var itunesKeywords: String?
    var atomCategories: [String] = []
    var enclosures: [Enclosure] = []
    var mediaContents: [Enclosure] = []
}

/// An RSS channel and its items.
struct RSSChannel {
    var format: FeedFormat
    var title: FeedText?
    var dcTitle: FeedText?
    var link: String?
    var atomLinks: [AtomLink] = []
    var description: FeedText?
    var itunesSummary: FeedText?
    var itunesSubtitle: FeedText?
    var language: String?
    var dcLanguage: String?
    var rootLanguage: String?
    var lastBuildDate: Date?
    var pubDate: Date?
    var dcDate: Date?
    var atomUpdated: Date?
    var pollHints = RSSPollHintWire()
    var items: [RSSItem] = []

    init(format: FeedFormat) {
        self.format = format
    }
}
