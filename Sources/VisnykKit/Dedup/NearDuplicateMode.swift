/// What becomes of a new article that tells a story an earlier article (from any source, within
/// the window) already told: `near_duplicates` in the config.
public enum NearDuplicateMode: String, Sendable, CaseIterable {
    /// Spooled, with "sameStoryAs": the content hash of the earlier article.
    case mark
    /// Recorded as seen but not spooled; its source is noted as a carrier of the earlier one.
    case drop
    /// Not looked for: every new article is spooled plainly, and the index is not kept.
    case off
}
