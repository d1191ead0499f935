import Foundation

extension Deduper {
    /// What the near-duplicate stage decided for the new articles of one feed, by entry index.
    struct NearDuplicateVerdicts {
        /// Marked: the story's first article (32-byte hash).
        var sameStoryAs: [Int: Data] = [:]
        /// To index once recorded.
        var items: [Int: NearDuplicateIndexItem] = [:]
        /// Not to be spooled (near_duplicates = "drop").
        var dropped: [DroppedNearDuplicate] = []
        var droppedIndices: Set<Int> = []

        /// Marked or dropped.
        var count: Int { sameStoryAs.count + dropped.count }
    }

    /// The text two articles are compared on: the title and the text.
    static func nearDuplicateText(_ entry: Entry) -> String {
        (entry.title ?? "") + "\n" + entry.text
    }

    /// Looks each new article (`newIndices`: never seen, not an update) up in the persisted
    /// index, in one read. Only sources with global dedup take part: a source with
    /// dedup = "feed" asks for its own copy of every article, so it is neither compared nor
    /// compared with. An article's time is when it was fetched, not the date its feed gives:
    /// "earlier" is what this daemon saw first, and a feed's wrong or hostile date can neither
    /// keep an article in the window nor put it out.
    func judgeNearDuplicates(_ newIndices: [Int], entries: [Entry], queries: [SeenQuery], source: ArticleSource,
                             fetchedAt: Date) throws -> NearDuplicateVerdicts {
        var verdicts = NearDuplicateVerdicts()
        guard nearDuplicates != .off, source.dedup == .global, !newIndices.isEmpty else { return verdicts }
        let now = NearDuplicateIndex.seconds(fetchedAt)
        let lookups = newIndices.map { index in
            NearDuplicateLookup(fingerprint: fingerprinter.fingerprint(Self.nearDuplicateText(entries[index])), time: now)
        }
        let stories = try store.nearDuplicateStories(lookups, settings: fingerprinter.settings)
        for (position, index) in newIndices.enumerated() {
            let query = queries[index]
            let story = stories[position].flatMap(ContentHash.digestBytes).flatMap { $0 == query.key.hash ? nil : $0 }
            if let story, nearDuplicates == .drop {
                verdicts.dropped.append(DroppedNearDuplicate(query: query, story: story))
                verdicts.droppedIndices.insert(index)
                continue
            }
            if let story { verdicts.sameStoryAs[index] = story }
            let lookup = lookups[position]
            if lookup.fingerprint.isIndexable {
                verdicts.items[index] = NearDuplicateIndexItem(story: story ?? query.key.hash, time: lookup.time,
                                                               fingerprint: lookup.fingerprint)
            }
        }
        return verdicts
    }
}
