import Foundation

extension SourcePoller {
    /// At most this many article pages per poll: the first poll of a long feed would otherwise
    /// ask one site for a hundred pages at once. The articles beyond keep the feed's content.
    static let fullTextPagesPerPoll = 30

    /// `parsed` with the content and text of its new articles replaced by their pages' main
    /// content, where the page could be fetched and an article found in it. The content hash
    /// stays the feed's: the next poll recognizes the entry without fetching its page again.
    /// `clean` removes boilerplate from the page's text as the feed's text had it removed.
    func withFullText(_ parsed: ParsedFeed, from source: SourceConfig, clean: @Sendable (String) -> String) async -> ParsedFeed {
        let wanted = newArticlePages(in: parsed, from: source)
        guard !wanted.isEmpty else { return parsed }
        var result = parsed
        var failures: [String] = []
        await withTaskGroup(of: (Int, Result<ExtractedArticle, FullTextFailure>).self) { group in
            for (index, link) in wanted {
                group.addTask { (index, await self.fullText(of: link, selector: source.contentSelector)) }
            }
            for await (index, outcome) in group {
                switch outcome {
                case .success(let article):
                    var entry = result.entries[index]
                    if entry.summary == nil { entry.summary = entry.content }
                    entry.content = article.html
                    entry.text = clean(article.text)
                    result.entries[index] = entry
                case .failure(let failure):
                    failures.append(failure.description)
                }
            }
        }
        if let first = failures.min() {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
            result.warnings.append("full text: \(failures.count) of \(wanted.count) article pages gave no article, so those keep the feed's content: \(first)\(more)")
        }
        return result
    }

    /// The entries never seen before (neither their identity in this source nor their hash)
    /// with an http(s) link, as (index, link), at most `fullTextPagesPerPoll`. A store that
    /// cannot be read gives none: the dedup step reports the store's error.
    private func newArticlePages(in parsed: ParsedFeed, from source: SourceConfig) -> [(Int, String)] {
        let articleSource = source.articleSource
        var indices: [Int] = []
        var queries: [SeenQuery] = []
        for (index, entry) in parsed.entries.enumerated() {
            guard let link = entry.link, link.hasPrefix("https://") || link.hasPrefix("http://"),
                  let hash = ContentHash.digestBytes(entry.contentHash) else { continue }
            indices.append(index)
            queries.append(articleSource.seenQuery(entry, hash: hash))
        }
        guard let lookups = try? store.lookUp(queries) else { return [] }
        var wanted: [(Int, String)] = []
        for (position, lookup) in lookups.enumerated() where lookup.owner == nil && lookup.identityHash == nil {
            let index = indices[position]
            wanted.append((index, parsed.entries[index].link ?? ""))
            if wanted.count == Self.fullTextPagesPerPoll { break }
        }
        return wanted
    }

    /// One article's page, fetched like feeds (same fetcher, per-host limits, size cap) and
    /// read with the extractor against its final URL, so relative links resolve after redirects.
    private func fullText(of link: String, selector: ContentSelector?) async -> Result<ExtractedArticle, FullTextFailure> {
        let request = config.fetchRequest(link, maxSize: ArticleExtractor.maximumPageBytes)
        let response: FetchResponse
        do {
            response = try await fetcher.fetch(request)
        } catch {
            return .failure(FullTextFailure(url: link, reason: error.description))
        }
        guard response.status == 200 else {
            return .failure(FullTextFailure(url: link, reason: "the server answered HTTP \(response.status)"))
        }
        guard ArticlePage.isHTML(contentType: response.contentType) else {
            return .failure(FullTextFailure(url: link, reason: "it is \(response.contentType ?? "not HTML"), not an HTML page"))
        }
        let page = ArticlePage.utf8(response.body, contentType: response.contentType)
        guard let article = ArticleExtractor.extract(page: page, url: response.effectiveURL, selector: selector) else {
            let why = selector.map { "content_selector \"\($0)\" matched no article text" }
                ?? "no part of the page reads as the article"
            return .failure(FullTextFailure(url: link, reason: why))
        }
        return .success(article)
    }
}

/// Why one article page gave no full text.
struct FullTextFailure: Error, CustomStringConvertible {
    let url: String
    let reason: String

    var description: String { "\(url): \(reason)" }
}
