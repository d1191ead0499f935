import Foundation

/// Where a content hash must be unique: `scope` is "" for dedup = "global", else the source
/// name; `hash` is the 32 bytes of the SHA-256.
public struct SeenKey: Hashable, Sendable {
    var scope: String
    var hash: Data
}

/// What the state knows about one entry of a feed being accepted.
public struct SeenLookup: Sendable {
    /// The source that first spooled the hash, and when it was last seen; nil if never seen.
    var owner: String?
    var lastSeen: Int64?
    /// The querying source is already recorded as a carrier of the hash.
    var isCarrier: Bool
    /// The hash this source's entry id had before; nil for an identity never seen.
    var identityHash: Data?
}

/// One entry of a feed for the state: its key, its source and its id.
public struct SeenQuery: Sendable {
    var key: SeenKey
    var source: String
    var entryID: String
}

/// A spooled file (written to tmp/ and fsynced) whose hash is to be recorded.
public struct SpoolRecord: Sendable {
    var query: SeenQuery
    var fileName: String
    /// What the digest queue keeps of a new article; nil for an update, which is not queued.
    var queueItem: QueueItem?
    /// What the near-duplicate index keeps of it, once recorded; nil when it is not indexed.
    var nearDuplicateItem: NearDuplicateIndexItem? = nil
}

/// The facts of a new article that a digest shows without opening its spool file.
struct QueueItem: Sendable {
    /// Longer titles and links are cut (titles) or dropped (links): a hostile feed must not
    /// bloat every queue row, and a cut link would lead nowhere.
    static let maxTitleCharacters = 1_000
    static let maxLinkBytes = 4_096

    var title: String?
    var link: String?
    var published: Date?
    /// The story it was marked as (near_duplicates = "mark"): that article's 32-byte hash.
    var sameStoryAs: Data?

    init(_ entry: Entry, sameStoryAs: Data? = nil) {
        self.sameStoryAs = sameStoryAs
        title = entry.title.map { $0.count > Self.maxTitleCharacters ? String($0.prefix(Self.maxTitleCharacters)) : $0 }
        link = entry.link.flatMap { $0.utf8.count > Self.maxLinkBytes ? nil : $0 }
        published = entry.published ?? entry.updated
    }
}

/// A sighting of an article already recorded: what to write about it, if anything.
public struct Sighting: Sendable {
    var query: SeenQuery
    /// Another source carried it: recorded in `carriers`.
    var addCarrier: Bool
    /// Refresh `lastSeen` so that an article still in a feed is not forgotten by retention.
    var touch: Bool
    /// The identity pointed at another hash (or at none): point it here.
    var updateIdentity: Bool

    var needsWrite: Bool { addCarrier || touch || updateIdentity }
}

/// The `seen.spoolFile` of an article recorded but never spooled (filtered out, or dropped as a
/// near-duplicate): "<why>/<name>". A spool file name never holds "/", so recovery, the name
/// checks and the digest's excerpt reader never take one of these for a file.
enum UnspooledFile {
    static func name(_ why: String, _ name: String) -> String { why + "/" + name }
}
