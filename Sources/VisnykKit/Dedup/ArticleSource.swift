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
}
