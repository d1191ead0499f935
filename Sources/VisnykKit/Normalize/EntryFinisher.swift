/// The shared last step of every format: titles to plain text, summary and content to
/// sanitized HTML, `text` from content (else summary) without boilerplate, the content hash,
/// and the id fallback chain (guid/atom:id/JSON id, else link, else hash).
struct EntryFinisher {
    let strip: [StripPattern]

    func finish(_ draft: DraftFeed) -> ParsedFeed {
        let feed = Feed(
            title: draft.title.flatMap(plainTitle),
            link: draft.link,
            description: draft.description.flatMap(html),
            language: draft.language?.trimmingXMLWhitespace().nilIfEmpty,
            format: draft.format,
            updated: draft.updated
        )
        return ParsedFeed(feed: feed, entries: draft.entries.map(finish), warnings: draft.warnings)
    }

    func finish(_ draft: DraftEntry) -> Entry {
        let title = draft.title.flatMap(plainTitle)
        let summary = draft.summary.flatMap(html)
        let content = draft.content.flatMap(html)
        var text = (content ?? summary).map(HTMLText.text(fromHTML:)) ?? ""
        if !strip.isEmpty {
            text = Boilerplate.removeLines(from: text, matching: strip)
        }
        let id = draft.id?.nilIfEmpty
        let hash = ContentHash.compute(title: title, text: text, fallbackLink: draft.link ?? id)
        return Entry(
            id: id ?? draft.link ?? hash,
            title: title,
            link: draft.link,
            published: draft.published,
            updated: draft.updated,
            authors: draft.authors.filter { !$0.isEmpty },
            summary: summary,
            content: content,
            text: text,
            categories: draft.categories,
            enclosures: draft.enclosures,
            contentHash: hash
        )
    }

    private func plainTitle(_ text: FeedText) -> String? {
        switch text.kind {
        case .text: return HTMLText.inlineText(fromHTML: HTMLEscaping.escapeText(text.value)).nilIfEmpty
        case .html: return HTMLText.inlineText(fromHTML: text.value).nilIfEmpty
        }
    }

    private func html(_ text: FeedText) -> String? {
        switch text.kind {
        case .text: return HTMLEscaping.escapeText(text.value.trimmingXMLWhitespace()).nilIfEmpty
        case .html: return HTMLSanitizer.sanitize(text.value, baseURL: text.base).trimmingXMLWhitespace().nilIfEmpty
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
