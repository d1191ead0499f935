import Foundation

/// Where a content hash must be unique: `scope` is "" for dedup = "global", else the source
/// name; `hash` is the 32 bytes of the SHA-256.
struct SeenKey: Hashable, Sendable {
    var scope: String
    var hash: Data
}

/// What the state knows about one entry of a feed being accepted.
struct SeenLookup: Sendable {
    /// The source that first spooled the hash, and when it was last seen; nil if never seen.
    var owner: String?
    var lastSeen: Int64?
    /// The querying source is already recorded as a carrier of the hash.
    var isCarrier: Bool
    /// The hash this source's entry id had before; nil for an identity never seen.
    var identityHash: Data?
}

/// One entry of a feed for the state: its key, its source and its id.
struct SeenQuery: Sendable {
    var key: SeenKey
    var source: String
    var entryID: String
}

/// A spooled file (written to tmp/ and fsynced) whose hash is to be recorded.
struct SpoolRecord: Sendable {
    var query: SeenQuery
    var fileName: String
}

/// A sighting of an article already recorded: what to write about it, if anything.
struct Sighting: Sendable {
    var query: SeenQuery
    /// Another source carried it: recorded in `carriers`.
    var addCarrier: Bool
    /// Refresh `lastSeen` so that an article still in a feed is not forgotten by retention.
    var touch: Bool
    /// The identity pointed at another hash (or at none): point it here.
    var updateIdentity: Bool

    var needsWrite: Bool { addCarrier || touch || updateIdentity }
}
