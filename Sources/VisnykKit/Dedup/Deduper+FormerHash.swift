import Foundation

/// An entry whose content hash is not seen, although its article was recorded under another
/// hash: the query and lookup of that hash, and the alias to record for the entry's own hash.
struct FormerMatch: Sendable {
    var query: SeenQuery
    var lookup: SeenLookup
    /// The entry's key, to be recorded as an alias of `query.key`; nil when found by an alias.
    var alias: SeenKey?
}

extension Deduper {
    /// Learned boilerplate changes an entry's text, hence its hash, and the article may have
    /// been recorded before that line was learned. For each entry whose hash is not seen,
    /// this looks up its hash as parsed (`formerContentHash`), then the alias of its hash: a
    /// hash recorded earlier as naming the same article. Found by the parsed hash, the
    /// entry's own hash becomes such an alias, so that the article stays a duplicate when
    /// the parsed text changes again (another neighbour title under "Наступна публікація").
    func formerMatches(of entries: [Entry], queries: [SeenQuery], lookups: [SeenLookup]) throws -> [Int: FormerMatch] {
        let unseen = lookups.indices.filter { lookups[$0].owner == nil }
        guard !unseen.isEmpty else { return [:] }
        var candidates: [(index: Int, query: SeenQuery, byAlias: Bool)] = []
        for index in unseen {
            guard let former = entries[index].formerContentHash, former != entries[index].contentHash,
                  let hash = ContentHash.digestBytes(former) else { continue }
            var query = queries[index]
            query.key.hash = hash
            candidates.append((index, query, false))
        }
        let targets = try store.aliasTargets(of: unseen.map { queries[$0].key })
        for (position, index) in unseen.enumerated() {
            guard let target = targets[position] else { continue }
            var query = queries[index]
            query.key.hash = target
            candidates.append((index, query, true))
        }
        guard !candidates.isEmpty else { return [:] }
        let found = try store.lookUp(candidates.map(\.query))
        var matches: [Int: FormerMatch] = [:]
        for (candidate, lookup) in zip(candidates, found) where lookup.owner != nil && matches[candidate.index] == nil {
            matches[candidate.index] = FormerMatch(query: candidate.query, lookup: lookup,
                                                   alias: candidate.byAlias ? nil : queries[candidate.index].key)
        }
        return matches
    }

    /// Records the aliases of the entries found by their parsed hash.
    func recordAliases(of matches: [Int: FormerMatch]) throws {
        let aliases = matches.values.compactMap { match in match.alias.map { (alias: $0, target: match.query.key.hash) } }
        try store.recordAliases(aliases)
    }
}
