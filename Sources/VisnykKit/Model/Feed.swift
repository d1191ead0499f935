import Foundation

/// The feed-level metadata of the article contract (`"feed"` in the JSON).
public struct Feed: Sendable, Equatable {
    public var title: String?
    public var link: String?
    /// Sanitized HTML.
    public var description: String?
    public var language: String?
    public var format: FeedFormat
    public var updated: Date?

    public init(title: String? = nil, link: String? = nil, description: String? = nil,
                language: String? = nil, format: FeedFormat, updated: Date? = nil) {
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.format = format
        self.updated = updated
    }
}
