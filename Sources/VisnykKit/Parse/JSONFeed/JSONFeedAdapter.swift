import Foundation

/// Maps JSON Feed wire types onto the one article model. URLs are resolved against the
/// document's base (JSON Feed asks for absolute URLs, but relative ones occur).
enum JSONFeedAdapter {
    static func draft(from document: JSONFeedDocument, base: String?) -> DraftFeed {
        var warnings: [String] = []
        var feed = DraftFeed(format: document.version.hasSuffix("1.1") || document.version.hasSuffix("1.1/") ? .json11 : .json10)
        let base = base ?? document.feedURL
        feed.title = document.title.map { FeedText(value: $0, kind: .text, base: base) }
        feed.link = document.homePageURL.map { URLResolver.resolve($0, against: base) }
        feed.description = document.description.map { FeedText(value: $0, kind: .text, base: base) }
        feed.language = document.language
        feed.entries = document.items.map { item in
            var entry = DraftEntry()
            entry.id = item.id
            entry.title = item.title.map { FeedText(value: $0, kind: .text, base: base) }
            // external_url is the page an item is about, not the item's own page.
            entry.link = item.url.map { URLResolver.resolve($0, against: base) }
            entry.published = item.datePublished.flatMap { FeedDate.parse($0, in: "date_published", warnings: &warnings) }
            entry.updated = item.dateModified.flatMap { FeedDate.parse($0, in: "date_modified", warnings: &warnings) }
            entry.authors = item.authors.isEmpty ? document.authors : item.authors
            entry.authors = entry.authors.map { author in
                var resolved = author
                resolved.uri = author.uri.map { URLResolver.resolve($0, against: base) }
                return resolved
            }
            entry.summary = item.summary.map { FeedText(value: $0, kind: .text, base: base) }
            if let html = item.contentHTML {
                entry.content = FeedText(value: html, kind: .html, base: base)
            } else if let text = item.contentText {
                entry.content = FeedText(value: text, kind: .text, base: base)
            }
            entry.categories = item.tags
            entry.enclosures = item.attachments.map { attachment in
                var resolved = attachment
                resolved.url = URLResolver.resolve(attachment.url, against: base)
                return resolved
            }
            return entry
        }
        feed.warnings = warnings
        return feed
    }
}
