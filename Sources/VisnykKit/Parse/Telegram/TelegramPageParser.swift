import Foundation

/// Reads a saved or fetched t.me/s/<channel> page into a `TelegramPage`. Nothing here is
/// an official format: the class names are those the scrapers cited in
/// notes/telegram.md rely on, matched as whole class tokens.
enum TelegramPageParser {
    /// An HTML document (by its first markup) carrying Telegram's `tgme_` page classes: the
    /// channel preview, or the "open in app" page that replaces it when previews are off.
    static func looksLikeTelegramPage(_ utf8: [UInt8]) -> Bool {
        var start = 0
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < utf8.count, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[start]) { start += 1 }
        let head = utf8[start..<min(utf8.count, start + 16)].map { $0 | 0x20 }
        guard head.starts(with: Array("<!doctype html".utf8)) || head.starts(with: Array("<html".utf8)) else {
            return false
        }
        return contains(utf8, Array("tgme_".utf8))
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    static func parse(_ utf8: [UInt8], url: String?) -> TelegramPage? {
        guard let root = HTMLTree.parse(utf8, url: url) else { return nil }
        var page = TelegramPage()
        let head = root.first(named: "head")
        page.username = root.first(withClass: "tgme_channel_info_header_username")?.trimmedText.map(withoutAt)
        page.channelTitle = root.first(withClass: "tgme_channel_info_header_title")
            .flatMap { TelegramPageParser.inlineText($0) } ?? meta(head, property: "og:title")
        if let description = root.first(withClass: "tgme_channel_info_description") {
            var writer = TelegramMessageHTML(pageURL: pageURL(page.username, url))
            writer.appendChildren(of: description)
            page.descriptionHTML = writer.html
        }
        guard let history = root.first(withClass: "tgme_channel_history") else {
            // The "open in app" page names the channel only in its tg:// link.
            page.username = page.username ?? root.first { $0.attribute("href")?.hasPrefix("tg://resolve?domain=") == true }?
                .attribute("href").map { String($0.dropFirst(20).prefix { $0 != "&" }) }
            return page
        }
        page.hasHistory = true
        page.olderPageBefore = history.first(withClass: "tme_messages_more")?.attribute("data-before").flatMap { Int($0) }
            ?? head?.first { $0.name == "link" && $0.attribute("rel") == "prev" }?.attribute("href").flatMap(beforeParameter)
        let messages = history.all { $0.hasClass("tgme_widget_message") && $0.attribute("data-post") != nil }
        for message in messages {
            guard let post = TelegramPostParser(pageURL: pageURL(page.username, url)).parse(message) else { continue }
            page.posts.append(post)
        }
        if page.username == nil { page.username = page.posts.first?.channel }
        return page
    }

    /// The channel page relative links are resolved against.
    private static func pageURL(_ username: String?, _ url: String?) -> String {
        if let username { return "https://t.me/s/\(username)" }
        if let url, url.hasPrefix("http://") || url.hasPrefix("https://") { return url }
        return "https://t.me/s/"
    }

    private static func meta(_ head: HTMLNode?, property: String) -> String? {
        head?.first { $0.name == "meta" && $0.attribute("property") == property }?.attribute("content")
    }

    /// Text with emoji images read as their characters, white space collapsed.
    static func inlineText(_ node: HTMLNode) -> String? {
        var writer = TelegramMessageHTML(pageURL: "https://t.me/")
        writer.appendChildren(of: node)
        return TitleText.plain(fromHTML: writer.html).nilIfEmpty
    }

    private static func withoutAt(_ name: String) -> String {
        name.hasPrefix("@") ? String(name.dropFirst()) : name
    }

    /// "/s/channel?before=1198" → 1198.
    static func beforeParameter(_ href: String) -> Int? {
        guard let range = href.range(of: "before=") else { return nil }
        return Int(href[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }
}
