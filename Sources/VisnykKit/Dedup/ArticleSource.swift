import Foundation

/// The source a feed was fetched for, as the Deduper needs it.
public struct ArticleSource: Sendable {
    /// The configured source name.
    public var name: String
    public var dedup: DedupScope

    public init(name: String, dedup: DedupScope) {
        self.name = name
        self.dedup = dedup
    }

    /// The state's scope key: "" for global dedup, else the source name.
    var scopeKey: String { dedup == .global ? "" : name }

    /// What `StateStore.lookUp` asks of `entry`, whose content hash is `hash` (its 32 bytes).
    func seenQuery(_ entry: Entry, hash: Data) -> SeenQuery {
        SeenQuery(key: SeenKey(scope: scopeKey, hash: hash), source: name, entryID: entry.id)
    }
}

extension SourceConfig {
    /// This source as the Deduper and the state's lookups see it.
    var articleSource: ArticleSource { ArticleSource(name: name, dedup: dedup) }
}
