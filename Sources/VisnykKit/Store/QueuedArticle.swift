import Foundation

/// A new article waiting in the digest queue, as recorded when it was spooled.
public struct QueuedArticle: Sendable, Equatable {
    /// Its position in the queue: increasing in commit order, never reused.
    public var seq: Int64
    /// When it was recorded (the fetch time, whole seconds).
    public var spooledAt: Date
    /// The configured source that spooled it.
    public var source: String
    /// The spool file's name (in new/, or in cur/ once a reader moved it).
    public var spoolFile: String
    /// "sha256:" and 64 hex digits.
    public var contentHash: String
    /// As the feed gave them (the title already plain text); limited in length.
    public var title: String?
    public var link: String?
    /// The entry's publication date, else its update date.
    public var published: Date?
    /// The story it was marked as (near_duplicates = "mark"): "sha256:…" of its first article.
    public var sameStoryAs: String?

    public init(seq: Int64, spooledAt: Date, source: String, spoolFile: String, contentHash: String,
                title: String?, link: String?, published: Date?, sameStoryAs: String? = nil) {
        self.seq = seq
        self.spooledAt = spooledAt
        self.source = source
        self.spoolFile = spoolFile
        self.contentHash = contentHash
        self.title = title
        self.link = link
        self.published = published
        self.sameStoryAs = sameStoryAs
    }
}
