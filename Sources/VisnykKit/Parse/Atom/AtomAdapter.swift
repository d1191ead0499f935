/// Maps Atom wire types onto the one article model. Authors follow RFC 4287 §4.2.1: an
/// entry without its own inherits those of its source, else of the feed.
enum AtomAdapter {
    static func draft(from feed: AtomFeed, warnings: [String]) -> DraftFeed {
        var draft = DraftFeed(format: feed.format)
        draft.title = feed.title
        draft.link = alternate(feed.links)
        draft.description = feed.subtitle
        draft.language = feed.language
        draft.updated = feed.updated
        draft.warnings = warnings
        draft.entries = feed.entries.map { entry in
            var out = DraftEntry()
            out.id = entry.id
            out.title = entry.title
            out.link = alternate(entry.links)
            out.published = entry.published
            out.updated = entry.updated
            out.authors = !entry.authors.isEmpty ? entry.authors
                : !entry.sourceAuthors.isEmpty ? entry.sourceAuthors : feed.authors
            out.summary = entry.summary
            out.content = entry.content
            out.categories = entry.categories
            out.enclosures = entry.links.filter { $0.rel == "enclosure" }
                .map { Enclosure(url: $0.href, type: $0.type, length: $0.length) }
            return out
        }
        return draft
    }

    /// The first alternate link, preferring an HTML one when several are given.
    static func alternate(_ links: [AtomLink]) -> String? {
        let alternates = links.filter { $0.rel == "alternate" }
        return (alternates.first { $0.type.map(mentionsHTML) ?? false } ?? alternates.first)?.href
    }

    /// `type.lowercased().contains("html")`, by bytes when the type is ASCII (as MIME types
    /// are): Foundation's search cost more than the rest of the entry's links.
    private static func mentionsHTML(_ type: String) -> Bool {
        let bytes = Array(type.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return type.lowercased().contains("html") }
        let html: [UInt8] = [0x68, 0x74, 0x6D, 0x6C]
        guard bytes.count >= html.count else { return false }
        for start in 0...(bytes.count - html.count) {
            var matches = true
            for k in 0..<html.count where bytes[start + k] | 0x20 != html[k] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }
}
