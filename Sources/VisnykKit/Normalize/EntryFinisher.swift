import Foundation

/// The shared last step of every format: titles to plain text, summary and content to
/// sanitized HTML, `text` from content (else summary) without boilerplate, the content hash,
/// and the id fallback chain (guid/atom:id/JSON id, else link, else hash).
struct EntryFinisher {
    let strip: [StripPattern]

    func finish(_ draft: inout DraftFeed) -> ParsedFeed {
        let feed = Feed(
            title: draft.title.flatMap(plainTitle),
            link: draft.link.flatMap(safeLink),
            description: draft.description.flatMap { html($0) },
            language: draft.language?.trimmingXMLWhitespace().nilIfEmpty,
            format: draft.format,
            updated: draft.updated
        )
        // Drafts are released one by one as they are finished: on a 60 MB feed that keeps a
        // whole copy of the articles out of the peak.
        var drafts = draft.entries
        draft.entries = []
        drafts.reverse()
        var entries: [Entry] = []
        entries.reserveCapacity(drafts.count)
        var bases = HTMLSanitizerBaseCache()
        while let next = drafts.popLast() {
            entries.append(finish(next, bases: &bases))
        }
        return ParsedFeed(feed: feed, entries: entries, warnings: draft.warnings)
    }

    func finish(_ draft: DraftEntry, bases: inout HTMLSanitizerBaseCache) -> Entry {
        let link = draft.link.flatMap(safeLink)
        let title = draft.title.flatMap(plainTitle)
        // The text comes from the content, else the summary: that one is sanitized and
        // read as text in one pass.
        let content = draft.content.flatMap { htmlAndText($0, bases: &bases) }
        let summary: String?
        var text: String
        if let content {
            summary = draft.summary.flatMap { html($0, bases: &bases) }
            text = content.text
        } else {
            let summaryAndText = draft.summary.flatMap { htmlAndText($0, bases: &bases) }
            summary = summaryAndText?.html
            text = summaryAndText?.text ?? ""
        }
        if !strip.isEmpty {
            text = Boilerplate.removeLines(from: text, matching: strip).trimmingXMLWhitespace()
        }
        let id = draft.id?.nilIfEmpty
        let hash = ContentHash.compute(title: title, text: text, fallbackLink: link ?? id)
        return Entry(
            id: id ?? link ?? hash,
            title: title,
            link: link,
            published: draft.published,
            updated: draft.updated,
            authors: draft.authors.compactMap(safeAuthor),
            summary: summary,
            content: content?.html,
            text: text,
            categories: unique(draft.categories),
            enclosures: draft.enclosures.compactMap(safeEnclosure),
            contentHash: hash
        )
    }

    /// Schemes that run code or reach local data when a reader follows the link.
    private static let dangerousSchemes: Set<String> = [
        "javascript", "vbscript", "livescript", "data", "file", "blob", "filesystem", "about", "jar", "view-source",
    ]

    /// Links a reader follows. The sanitizer's link policy first (http(s), ftp, mailto, tel,
    /// news); other well-formed absolute URIs (urn:, tag:, gemini:, …) pass unless their
    /// scheme is a dangerous one.
    private func safeLink(_ url: String) -> String? {
        if let safe = HTMLSanitizer.safeURL(url, kind: .link, baseURL: nil) { return safe }
        let cleaned = URLResolver.cleaned(url)
        guard let length = URIComponents.schemeLength(cleaned) else { return nil }
        let scheme = String(decoding: cleaned[0..<length], as: UTF8.self).lowercased()
        guard !Self.dangerousSchemes.contains(scheme) else { return nil }
        return URLResolver.resolve(url, against: nil)
    }

    private func safeEnclosure(_ enclosure: Enclosure) -> Enclosure? {
        guard let url = HTMLSanitizer.safeURL(enclosure.url, kind: .media, baseURL: nil) else { return nil }
        var safe = enclosure
        safe.url = url
        return safe
    }

    private func safeAuthor(_ author: Author) -> Author? {
        var safe = author
        safe.uri = author.uri.flatMap(safeLink)
        return safe.isEmpty ? nil : safe
    }

    /// Categories once each, in first-seen order; blank ones dropped.
    private func unique(_ categories: [String]) -> [String] {
        // Entries have a few categories: comparing with the kept ones beats hashing them.
        guard categories.count > 16 else {
            var kept: [String] = []
            kept.reserveCapacity(categories.count)
            for raw in categories {
                let category = raw.trimmingXMLWhitespace()
                if !category.isEmpty, !kept.contains(category) { kept.append(category) }
            }
            return kept
        }
        var seen = Set<String>()
        return categories.compactMap { raw in
            let category = raw.trimmingXMLWhitespace()
            return !category.isEmpty && seen.insert(category).inserted ? category : nil
        }
    }

    private func plainTitle(_ text: FeedText) -> String? {
        switch text.kind {
        case .text: return TitleText.plain(fromText: text.value).nilIfEmpty
        case .html: return TitleText.plain(fromHTML: text.value).nilIfEmpty
        }
    }

    /// `html(text)` and `HTMLText.text(fromHTML:)` of it.
    private func htmlAndText(_ text: FeedText, bases: inout HTMLSanitizerBaseCache) -> (html: String, text: String)? {
        switch text.kind {
        case .text:
            return html(text, bases: &bases).map { ($0, HTMLText.text(fromHTML: $0)) }
        case .html:
            // Trimming the white space around the HTML does not change its text.
            let sanitized = HTMLSanitizer.sanitizeAndExtractText(text.value, base: bases.base(for: text.base))
            guard let html = sanitized.html.trimmingXMLWhitespace().nilIfEmpty else { return nil }
            return (html, sanitized.text)
        }
    }

    private func html(_ text: FeedText) -> String? {
        var bases = HTMLSanitizerBaseCache()
        return html(text, bases: &bases)
    }

    private func html(_ text: FeedText, bases: inout HTMLSanitizerBaseCache) -> String? {
        switch text.kind {
        case .text:
            // Plain text keeps its line breaks when shown as HTML.
            let escaped = HTMLEscaping.escapeText(text.value.trimmingXMLWhitespace())
            return escaped.replacingOccurrences(of: "\n", with: "<br>\n").nilIfEmpty
        case .html:
            return HTMLSanitizer.sanitize(text.value, base: bases.base(for: text.base)).trimmingXMLWhitespace().nilIfEmpty
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
