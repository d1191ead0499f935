/// Maps RSS wire types onto the one article model, with the precedence the specs and common
/// practice give: content:encoded over description for content, description as summary,
/// dc:* as fallbacks for the core elements, atom:* where RSS has nothing.
enum RSSAdapter {
    static func draft(from channel: RSSChannel, warnings: [String]) -> DraftFeed {
        var feed = DraftFeed(format: channel.format)
        feed.title = channel.title ?? channel.dcTitle
        feed.link = channel.link ?? AtomAdapter.alternate(channel.atomLinks)
        feed.description = channel.description ?? channel.itunesSummary ?? channel.itunesSubtitle
        feed.language = channel.language ?? channel.dcLanguage ?? channel.rootLanguage
        feed.updated = channel.lastBuildDate ?? channel.dcDate ?? channel.atomUpdated ?? channel.pubDate
        feed.pollHints = channel.pollHints.hints
        feed.entries = channel.items.map(entry)
        feed.warnings = warnings
        return feed
    }

    static func entry(_ item: RSSItem) -> DraftEntry {
        var entry = DraftEntry()
        entry.title = item.title ?? item.dcTitle
        entry.link = item.link ?? AtomAdapter.alternate(item.atomLinks)
        // A guid is the permalink unless it says otherwise (RSS 2.0), relative ones included.
        if entry.link == nil, item.guidIsPermaLink, let guid = item.guidURL, isWebURL(guid) {
            entry.link = guid
        }
        entry.id = item.guid ?? item.about
        entry.summary = item.description ?? item.dcDescription ?? item.itunesSummary ?? item.atomSummary
        entry.content = item.contentEncoded ?? item.atomContent
        entry.published = item.pubDate ?? item.dcDate ?? item.issued ?? item.atomPublished
        entry.updated = item.modified ?? item.dcDate ?? item.atomUpdated
        entry.authors = authors(item)
        entry.categories = categories(item)
        entry.enclosures = enclosures(item)
        return entry
    }

    private static func authors(_ item: RSSItem) -> [Author] {
        let texts = [item.authors, item.dcAuthors, item.dcCreators, item.itunesAuthor.map { [$0] } ?? []]
        for group in texts where !group.isEmpty {
            let people = group.compactMap(PersonText.parse)
            if !people.isEmpty { return people }
        }
        return item.atomAuthors
    }

    private static func categories(_ item: RSSItem) -> [String] {
        var all = item.categories
        if let keywords = item.itunesKeywords {
            all += keywords.split(separator: ",").map { $0.trimmingXMLWhitespace() }
        }
        all += item.dcSubjects
        all += item.atomCategories
        return all.filter { !$0.isEmpty }
    }

    private static func enclosures(_ item: RSSItem) -> [Enclosure] {
        var all = item.enclosures
        for link in item.atomLinks where link.rel == "enclosure" {
            all.append(Enclosure(url: link.href, type: link.type, length: link.length))
        }
        for media in item.mediaContents where !all.contains(where: { $0.url == media.url }) {
            all.append(media)
        }
        return all
    }

    private static func isWebURL(_ s: String) -> Bool {
        let lower = s.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
