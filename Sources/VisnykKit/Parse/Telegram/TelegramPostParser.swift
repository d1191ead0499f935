/// Reads one `div.tgme_widget_message` into a `TelegramPost`.
struct TelegramPostParser {
    let pageURL: String

    func parse(_ message: HTMLNode) -> TelegramPost? {
        guard let dataPost = message.attribute("data-post"), let slash = dataPost.lastIndex(of: "/"),
              let number = Int(dataPost[dataPost.index(after: slash)...]), number > 0 else { return nil }
        var post = TelegramPost(channel: String(dataPost[..<slash]), number: number)
        post.isService = message.hasClass("service_message")
        let bubble = message.first(withClass: "tgme_widget_message_bubble") ?? message
        if let date = bubble.first(withClass: "tgme_widget_message_date") {
            post.permalink = date.attribute("href").map { URLResolver.resolve($0, against: pageURL) }
            post.datetime = date.first(named: "time")?.attribute("datetime")
        }
        post.signedAuthor = bubble.first(withClass: "tgme_widget_message_from_author")?.trimmedText
        if let meta = bubble.first(withClass: "tgme_widget_message_meta") {
            post.edited = meta.children.contains { $0.isText && $0.text.contains("edited") }
        }
        post.views = bubble.first(withClass: "tgme_widget_message_views")?.trimmedText.flatMap(Self.viewCount)
        if let forwarded = bubble.first(withClass: "tgme_widget_message_forwarded_from") {
            let name = forwarded.first(withClass: "tgme_widget_message_forwarded_from_name")
            post.forwardedFrom = TelegramLink(name: name.flatMap(TelegramPageParser.inlineText),
                                              url: name?.attribute("href").map { URLResolver.resolve($0, against: pageURL) })
        }
        if let reply = bubble.first(withClass: "tgme_widget_message_reply") {
            post.replyTo = TelegramLink(name: reply.first(withClass: "tgme_widget_message_author_name").flatMap(TelegramPageParser.inlineText),
                                        url: reply.attribute("href").map { URLResolver.resolve($0, against: pageURL) })
        }
        if let text = Self.messageText(in: bubble) {
            var writer = TelegramMessageHTML(pageURL: pageURL)
            writer.appendChildren(of: text)
            post.textHTML = writer.html
            post.hashtags = writer.hashtags
        }
        post.linkPreview = bubble.first(withClass: "tgme_widget_message_link_preview").flatMap(linkPreview)
        var media = TelegramMediaReader(pageURL: pageURL)
        media.read(bubble)
        post.media = media.found
        post.poll = media.poll
        return post
    }

    /// The message's own text: a direct child of the bubble (or of the partly supported
    /// media container), never the reply snippet, which carries the same class first. An
    /// album nests its caption in a second text element: that one is taken, once.
    static func messageText(in bubble: HTMLNode) -> HTMLNode? {
        let isText = { (node: HTMLNode) in
            node.hasClass("tgme_widget_message_text") && !node.hasClass("js-message_reply_text")
        }
        var text = bubble.children.first { !$0.isText && isText($0) }
            ?? bubble.child(withClass: "media_supported_cont")?.children.first { !$0.isText && isText($0) }
        while let outer = text, outer.elementChildren.count == 1, let inner = outer.elementChildren.first, isText(inner),
              !outer.children.contains(where: { $0.isText && !$0.text.allSatisfy(\.isWhitespace) }) {
            text = inner
        }
        guard let found = text, !found.children.isEmpty else { return nil }
        return found
    }

    private func linkPreview(_ node: HTMLNode) -> TelegramLinkPreview? {
        let image = node.first { $0.hasClass("link_preview_image") || $0.hasClass("link_preview_right_image") }?.backgroundImageURL
        let title = node.first(withClass: "link_preview_title").flatMap(TelegramPageParser.inlineText)
        let description = node.first(withClass: "link_preview_description").flatMap(TelegramPageParser.inlineText)
        let site = node.first(withClass: "link_preview_site_name").flatMap(TelegramPageParser.inlineText)
        guard let href = node.attribute("href"), title != nil || description != nil || site != nil || image != nil else { return nil }
        return TelegramLinkPreview(url: URLResolver.resolve(href, against: pageURL), siteName: site, title: title,
                                   description: description, imageURL: image)
    }

    /// "982" → 982, "3.4K" → 3400, "1.1M" → 1100000.
    static func viewCount(_ text: String) -> Int? {
        var digits = Substring(text)
        var scale = 1.0
        switch text.last {
        case "K", "k": scale = 1e3; digits = digits.dropLast()
        case "M", "m": scale = 1e6; digits = digits.dropLast()
        case "B", "b": scale = 1e9; digits = digits.dropLast()
        default: break
        }
        guard let value = Double(digits), value >= 0, value * scale < 1e15 else { return nil }
        return Int((value * scale).rounded())
    }
}
