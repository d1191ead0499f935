import Foundation

/// One spooled article: an entry with the feed it came from, as written into one spool file.
public struct SpoolDocument: Sendable {
    public var entry: Entry
    public var feed: Feed
    /// The configured source name.
    public var source: String
    public var fetchedAt: Date
    /// For an edited entry: "sha256:…" of the version it replaces.
    public var updates: String?
    /// The dedup scope key ("" for global, else the source name): with dedup = "feed" the same
    /// article may be spooled once per source, and each message needs its own Message-ID.
    public var scope: String
    /// For an article that tells an earlier article's story (near_duplicates = "mark"):
    /// "sha256:…" of the story's first article.
    public var sameStoryAs: String?

    public init(entry: Entry, feed: Feed, source: String, fetchedAt: Date, updates: String? = nil, scope: String = "",
                sameStoryAs: String? = nil) {
        self.sameStoryAs = sameStoryAs
        self.entry = entry
        self.feed = feed
        self.source = source
        self.fetchedAt = fetchedAt
        self.updates = updates
        self.scope = scope
    }

    /// The file's bytes in `format`; `domain` names the host in the addresses of `.eml` files.
    public func bytes(format: SpoolFormat, domain: String) -> [UInt8] {
        switch format {
        case .json: entry.spoolJSONBytes(feed: feed, source: source, fetchedAt: fetchedAt, updates: updates,
                                        sameStoryAs: sameStoryAs)
        case .eml: emlBytes(domain: domain)
        }
    }
}
