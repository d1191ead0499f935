import Foundation

/// The indexed articles not yet merged into the `near_bands` table, in memory: the first level
/// of the persisted near-duplicate index.
///
/// Why a level in memory: the LSH rows of one article are `bands` rows with random keys, so
/// inserting them into the SQLite B-tree in each poll's transaction would dirty about one page
/// per row, and commit (write to the WAL) a hundred pages per article. Kept here until
/// `mergeSize` articles have come, then inserted into `near_bands` in key order in one
/// transaction, they share the pages they land on. The articles themselves (shingles, band keys)
/// are in `near_articles` from the transaction that records them, so this level is rebuilt from
/// the state when the store is opened: nothing is lost in a crash.
struct NearDuplicateBuffer {
    /// The articles above the merge watermark, by story ("sha256:…").
    var index: NearDuplicateIndex
    /// How many articles are above the watermark (the index evicts those outside the window).
    var unmerged: Int
    /// The highest `near_articles.id` merged into `near_bands`.
    var watermark: Int64

    init(settings: NearDuplicateSettings, watermark: Int64) {
        var settings = settings
        settings.bucketLimit = min(settings.bucketLimit, StateStore.persistedBucketLimit)
        index = NearDuplicateIndex(settings: settings)
        unmerged = 0
        self.watermark = watermark
    }

    mutating func insert(story: String, _ fingerprint: NearDuplicateFingerprint, time: Int64) {
        index.insert(id: story, fingerprint, time: Date(timeIntervalSince1970: TimeInterval(time)))
        unmerged += 1
    }
}
