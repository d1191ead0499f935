/// Where an article's content hash must be unique: across every source (the default, so the
/// same story from two sources is spooled once), or only within its own source.
public enum DedupScope: String, Sendable, CaseIterable {
    case global
    case feed
}
