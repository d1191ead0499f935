import Foundation

/// One normalized article: the `entries[]` object of the article contract.
public struct Entry: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [Author]
    /// Sanitized HTML.
    public var summary: String?
    /// Sanitized HTML.
    public var content: String?
    /// Plain text of content (else summary), blocks as line breaks, boilerplate removed.
    public var text: String
    public var categories: [String]
    public var enclosures: [Enclosure]
    public var contentHash: String
    /// The content hash as parsed, when learned boilerplate removed lines from `text` since;
    /// nil otherwise. Not part of the article JSON: the Deduper looks it up too, so that an
    /// article recorded before a line was learned stays a duplicate.
    public var formerContentHash: String?

    public init(id: String, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, authors: [Author] = [], summary: String? = nil,
                content: String? = nil, text: String = "", categories: [String] = [],
                enclosures: [Enclosure] = [], contentHash: String) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.authors = authors
        self.summary = summary
        self.content = content
        self.text = text
        self.categories = categories
        self.enclosures = enclosures
        self.contentHash = contentHash
    }
}
