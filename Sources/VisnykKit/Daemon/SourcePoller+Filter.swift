import Foundation

extension SourcePoller {
    /// The filter stage of `prepare`: entries that match no `include` (when there are any) or
    /// any `exclude` of the source leave the feed and are recorded as seen but not spooled
    /// (`StateStore+Filtered`); entries this source filtered out before stay out even when
    /// the filters changed since. Runs before full text, so excluded articles cost no page
    /// fetch; the patterns see what the feed says. Returns how many entries were filtered out.
    func removeFiltered(from feed: inout ParsedFeed, of source: SourceConfig, now: Date) throws(PollFailure) -> Int {
        let filter: ArticleFilter
        do {
            filter = try ArticleFilter(include: source.include, exclude: source.exclude)
        } catch {
            throw PollFailure("source \"\(source.name)\": \(error): fix its include or exclude")
        }
        do {
            if filter.isEmpty, try !store.hasFiltered(source: source.name) { return 0 }
            var kept: [Entry] = []
            var excluded: [(hash: Data, entryID: String)] = []
            var excludedHashes = Set<Data>()
            for entry in feed.entries {
                // A malformed hash is the Deduper's to report.
                guard let hash = ContentHash.digestBytes(entry.contentHash), !filter.passes(entry) else {
                    kept.append(entry)
                    continue
                }
                if excludedHashes.insert(hash).inserted { excluded.append((hash, entry.id)) }
            }
            let keptHashes = kept.compactMap { ContentHash.digestBytes($0.contentHash) }
            let earlier = try store.filteredHashes(among: keptHashes, source: source.name)
            if !earlier.isEmpty {
                kept.removeAll { entry in
                    guard let hash = ContentHash.digestBytes(entry.contentHash), earlier.contains(hash) else { return false }
                    if excludedHashes.insert(hash).inserted { excluded.append((hash, entry.id)) }
                    return true
                }
            }
            try store.recordFiltered(excluded, source: source.name, at: now)
            feed.entries = kept
            return excluded.count
        } catch {
            throw PollFailure("\(error)")
        }
    }
}
