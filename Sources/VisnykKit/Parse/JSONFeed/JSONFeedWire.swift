/// A JSON Feed 1.0 / 1.1 item as written (https://www.jsonfeed.org/version/1.1/).
struct JSONFeedItem {
    var id: String?
    var url: String?
    var title: String?
    var contentHTML: String?
    var contentText: String?
    var summary: String?
    var datePublished: String?
    var dateModified: String?
    var authors: [Author] = []
    var tags: [String] = []
    var attachments: [Enclosure] = []
}

/// A JSON Feed document as written.
struct JSONFeedDocument {
    var version: String
    var title: String?
    var homePageURL: String?
    var feedURL: String?
    var description: String?
    var language: String?
    var authors: [Author] = []
    var items: [JSONFeedItem] = []
}
