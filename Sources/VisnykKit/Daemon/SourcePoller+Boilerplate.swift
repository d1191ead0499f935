import Foundation

extension SourcePoller {
    /// Stage (1) of `prepare`: the source's learner observes the new entries (their text as
    /// parsed, before learned removal), is saved when it learned from any, and its learned
    /// lines leave every entry's `text`, whose content hash is computed again (the parsed one
    /// stays in `formerContentHash` for the Deduper).
    ///
    /// Returns the learned set, so that a later stage that replaces `text` (full text) cleans
    /// it the same way: `learned.clean(&entry)` (removes and re-hashes) or
    /// `learned.removeLines(from: text)`.
    func removeLearnedBoilerplate(from feed: inout ParsedFeed, of source: SourceConfig) throws(PollFailure) -> LearnedBoilerplate {
        var learner: BoilerplateLearner
        do {
            learner = try store.boilerplateLearner(forSource: source.name)
            if learner.observe(feed.entries) > 0 {
                try store.save(learner, forSource: source.name)
            }
        } catch {
            throw PollFailure("\(error)")
        }
        let learned = learner.learned
        guard !learned.isEmpty else { return learned }
        for index in feed.entries.indices {
            learned.clean(&feed.entries[index])
        }
        return learned
    }
}
