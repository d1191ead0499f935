/// Maps a t.me/s page onto the one article model: one entry per post, newest first (the
/// page lists them oldest first), service messages left out.
enum TelegramAdapter {
    static func draft(from page: TelegramPage) throws(FeedParseError.Reason) -> DraftFeed {
        guard page.hasHistory else { throw .telegramPreviewUnavailable(channel: page.username) }
        guard !page.posts.isEmpty else { throw .telegramNoMessages(channel: page.username) }
        var feed = DraftFeed(format: .telegram)
        let channel = page.username ?? page.posts[0].channel
        feed.title = page.channelTitle.map { FeedText(value: $0, kind: .text, base: nil) }
        feed.link = "https://t.me/\(channel)"
        feed.description = page.descriptionHTML.map { FeedText(value: $0, kind: .html, base: nil) }
        var warnings: [String] = []
        for post in page.posts.reversed() where !post.isService {
            feed.entries.append(entry(post, warnings: &warnings))
        }
        feed.warnings = warnings
        return feed
    }

    private static func entry(_ post: TelegramPost, warnings: inout [String]) -> DraftEntry {
        var entry = DraftEntry()
        entry.id = post.id
        let permalink = post.permalink ?? "https://t.me/\(post.id)"
        entry.link = permalink
        entry.published = post.datetime.flatMap {
            FeedDate.parse($0, in: "the time of post \(post.id)", warnings: &warnings)
        }
        if let author = post.signedAuthor { entry.authors = [Author(name: author)] }
        let text = post.textHTML.map { HTMLText.text(fromHTML: $0) } ?? ""
        entry.title = FeedText(value: TelegramTitle.make(text: text, post: post), kind: .text, base: nil)
        let html = TelegramPostHTML(post: post, permalink: permalink)
        if let content = html.content.nilIfEmpty {
            entry.content = FeedText(value: content, kind: .html, base: permalink)
        }
        entry.categories = post.hashtags
        entry.enclosures = html.enclosures
        return entry
    }
}
