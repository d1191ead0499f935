import Foundation

/// Gathers what one digest message shows from the digest queue, the spool and the state.
///
/// Collecting marks nothing: the articles stay queued for this digest until its runner records
/// the delivery of the message (`StateStore.recordDelivery`), which moves the cursor past
/// `queueRange`. A collect without a delivery shows the same articles again.
public struct DigestCollector: Sendable {
    public let store: any StateBackend
    public let spoolDirectory: String
    public let config: VisnykConfig

    public init(store: any StateBackend, spoolDirectory: String, config: VisnykConfig) {
        self.store = store
        self.spoolDirectory = spoolDirectory
        self.config = config
    }

    /// Articles queued after `cursor` that the digest selects: from its sources (named or
    /// tagged, in the current config; all when neither is given) and through its include and
    /// exclude patterns; grouped by source in config order (sources gone from the config last),
    /// newest first, each group cut to max_per_source; a story that several sources carried
    /// shown once, with the others in `alsoIn`. `queueRange` covers every article looked at,
    /// shown or not, so that delivering the message moves past all of them.
    public func collect(_ digest: DigestConfig, after cursor: Int64, since: Date?, now: Date) throws -> DigestContent {
        guard let timeZone = TimeZone(identifier: digest.timezone) else {
            throw DigestCollectionError(digest: digest.name, problem: "\"\(digest.timezone)\" is not a time zone; "
                                        + "set timezone to an IANA name such as \"Europe/Kyiv\"")
        }
        let selection = DigestSelection(digest, sources: config.sources)
        let filter = try DigestFilter(digest)
        let queued = try store.queuedArticles(after: cursor)
        let queueRange = queued.first.flatMap { first in queued.last.map { first.seq...$0.seq } }

        var candidates = try candidates(queued, digest: digest, selection: selection, filter: filter)
        candidates.sort { a, b in
            if a.article.source != b.article.source { return selection.precedes(a.article.source, b.article.source) }
            if a.date != b.date { return a.date > b.date }
            return a.article.seq > b.article.seq
        }
        let carriers = try store.carriers(ofHashes: candidates.compactMap { ContentHash.digestBytes($0.article.contentHash) })
        let shown = Self.mergingNearDuplicates(candidates, carriers: carriers)
        return DigestContent(digest: digest.name, generatedAt: now, timeZone: timeZone, since: since,
                             groups: Self.groups(shown, maxPerSource: digest.maxPerSource),
                             problems: try problems(selection), queueRange: queueRange)
    }

    /// The selected articles that pass the patterns, with their title and excerpt.
    private func candidates(_ queued: [QueuedArticle], digest: DigestConfig, selection: DigestSelection,
                            filter: DigestFilter) throws -> [Candidate] {
        let reader = SpoolTextReader(spoolDirectory: spoolDirectory)
        let needsText = !filter.isEmpty || digest.excerptLength > 0
        var candidates: [Candidate] = []
        for article in queued where selection.selects(article.source) {
            let text = needsText ? reader.text(ofSpoolFile: article.spoolFile) ?? "" : ""
            guard filter.shows(title: article.title ?? "", text: text) else { continue }
            let (title, body) = DigestText.titleAndBody(title: article.title, text: text, link: article.link)
            candidates.append(Candidate(article: article, title: title,
                                        excerpt: Excerpt.make(String(body), limit: digest.excerptLength)))
        }
        return candidates
    }

    /// The candidates (in display order) with each story once: the first of those sharing a
    /// hash (their own, or the story's they were marked as), link or normalized title with an
    /// earlier one from another source, which is shown with that source (and the hash's
    /// carriers) in `alsoIn`.
    private static func mergingNearDuplicates(_ candidates: [Candidate], carriers: [Data: [String]]) -> [DigestArticle] {
        var shown: [DigestArticle] = []
        var shownByKey: [NearDuplicateKey: Int] = [:]
        for candidate in candidates {
            let article = candidate.article
            var keys = NearDuplicateKey.keys(contentHash: article.contentHash, link: article.link, title: article.title)
            // Marked as an earlier article's story: meets that article (and its other rewrites)
            // by its hash, whichever of them is shown first.
            if let story = article.sameStoryAs { keys.append(.hash(story)) }
            let carriedBy = ContentHash.digestBytes(article.contentHash).flatMap { carriers[$0] } ?? []
            let index: Int
            if let earlier = keys.lazy.compactMap({ shownByKey[$0] }).first(where: { shown[$0].source != article.source }) {
                index = earlier
                shown[index].alsoIn.append(article.source)
            } else {
                index = shown.count
                shown.append(DigestArticle(seq: article.seq, source: article.source, title: candidate.title,
                                           link: DigestText.webLink(article.link), published: article.published,
                                           spooledAt: article.spooledAt, excerpt: candidate.excerpt))
            }
            shown[index].alsoIn += carriedBy
            for key in keys where shownByKey[key] == nil { shownByKey[key] = index }
        }
        for index in shown.indices {
            var seen: Set<String> = [shown[index].source]
            shown[index].alsoIn = shown[index].alsoIn.filter { seen.insert($0).inserted }
        }
        return shown
    }

    /// Consecutive articles of one source as a group, cut to `maxPerSource`.
    private static func groups(_ articles: [DigestArticle], maxPerSource: Int?) -> [DigestSourceGroup] {
        var groups: [DigestSourceGroup] = []
        for article in articles {
            if groups.last?.source != article.source {
                groups.append(DigestSourceGroup(source: article.source, articles: []))
            }
            if let limit = maxPerSource, groups[groups.count - 1].articles.count >= limit {
                groups[groups.count - 1].omitted += 1
            } else {
                groups[groups.count - 1].articles.append(article)
            }
        }
        return groups
    }

    /// The selected sources that are failing or retired, in config order.
    private func problems(_ selection: DigestSelection) throws -> [DigestSourceProblem] {
        let states = Dictionary(try store.allSourceStates().map { ($0.name, $0) }, uniquingKeysWith: { _, newer in newer })
        return selection.configured.compactMap { name in
            guard let state = states[name] else { return nil }
            if state.retired {
                return DigestSourceProblem(source: name, retired: true, since: nil,
                                           reason: state.lastError ?? "the feed is gone (HTTP 410 Gone); it is no longer polled")
            }
            guard state.consecutiveFailures > 0 else { return nil }
            return DigestSourceProblem(source: name, retired: false, since: state.failingSince,
                                       reason: state.lastError ?? "its last \(state.consecutiveFailures) polls failed")
        }
    }

    private struct Candidate {
        var article: QueuedArticle
        var title: String
        var excerpt: String
        var date: Date { article.published ?? article.spooledAt }
    }
}
