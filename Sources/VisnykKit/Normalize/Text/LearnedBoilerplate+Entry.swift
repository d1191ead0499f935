extension LearnedBoilerplate {
    /// Removes the learned lines from `entry.text` and hashes the entry again (with the
    /// fallback of EntryFinisher: the link, else the id). The hash it had before is kept in
    /// `formerContentHash` (the first one, when cleaned twice), for the Deduper to look up.
    public func clean(_ entry: inout Entry) {
        let text = removeLines(from: entry.text)
        guard text != entry.text else { return }
        // An entry with neither id nor link has its parsed hash as id: no fallback then.
        let idIsHash = entry.id == entry.contentHash || entry.id == entry.formerContentHash
        let hash = ContentHash.compute(title: entry.title, text: text,
                                       fallbackLink: entry.link ?? (idIsHash ? nil : entry.id))
        if hash != entry.contentHash {
            entry.formerContentHash = entry.formerContentHash ?? entry.contentHash
            entry.contentHash = hash
        }
        entry.text = text
    }
}
