/// Collects the media blocks of a message bubble in page order, leaving out the parts that
/// are not the post's own media (the reply's thumbnail, the link preview's image).
struct TelegramMediaReader {
    let pageURL: String
    private(set) var found: [TelegramMedia] = []
    private(set) var poll: TelegramPoll?

    init(pageURL: String) {
        self.pageURL = pageURL
    }

    private static let skipped = [
        "tgme_widget_message_reply", "tgme_widget_message_link_preview", "tgme_widget_message_text",
        "tgme_widget_message_footer", "tgme_widget_message_author", "tgme_widget_message_forwarded_from",
    ]

    mutating func read(_ node: HTMLNode) {
        for child in node.children where !child.isText {
            if Self.skipped.contains(where: child.hasClass) { continue }
            if let media = media(child) {
                found.append(media)
            } else if child.hasClass("tgme_widget_message_poll") {
                poll = Self.poll(child)
            } else {
                read(child)
            }
        }
    }

    private func media(_ node: HTMLNode) -> TelegramMedia? {
        if node.hasClass("tgme_widget_message_photo_wrap") {
            return node.backgroundImageURL.map { .photo(url: $0) }
        }
        if node.hasClass("tgme_widget_message_video_player") {
            let video = node.first(named: "video")
            if video?.hasClass("tgme_widget_message_roundvideo") == true {
                return .roundVideo(url: video?.attribute("src").map(absolute), thumbnail: roundThumbnail(node))
            }
            return .video(url: video?.attribute("src").map(absolute),
                          thumbnail: node.first(withClass: "tgme_widget_message_video_thumb")?.backgroundImageURL,
                          duration: node.first(withClass: "message_video_duration")?.trimmedText,
                          isGIF: node.first(withClass: "message_video_play") == nil)
        }
        if node.name == "video", node.hasClass("tgme_widget_message_roundvideo") {
            return .roundVideo(url: node.attribute("src").map(absolute), thumbnail: nil)
        }
        if node.hasClass("tgme_widget_message_roundvideo_player") {
            return .roundVideo(url: node.first(named: "video")?.attribute("src").map(absolute), thumbnail: roundThumbnail(node))
        }
        if node.name == "audio", node.hasClass("tgme_widget_message_voice") {
            return .voice(url: node.attribute("src").map(absolute), duration: nil)
        }
        if node.hasClass("tgme_widget_message_voice_player") {
            return .voice(url: node.first(named: "audio")?.attribute("src").map(absolute),
                          duration: node.first(withClass: "tgme_widget_message_voice_duration")?.trimmedText)
        }
        if node.hasClass("tgme_widget_message_document_wrap") {
            return .document(title: node.first(withClass: "tgme_widget_message_document_title")?.trimmedText,
                             extra: node.first(withClass: "tgme_widget_message_document_extra")?.trimmedText,
                             isAudio: node.first(withClass: "audio") != nil || node.hasClass("audio"))
        }
        if node.hasClass("tgme_widget_message_sticker_wrap") {
            let sticker = node.first(withClass: "tgme_widget_message_sticker")
            return .sticker(imageURL: sticker?.attribute("data-webp").map(absolute) ?? sticker?.backgroundImageURL)
        }
        if node.hasClass("tgme_widget_message_location_wrap") {
            return .location(url: node.attribute("href").map(absolute))
        }
        if node.hasClass("message_media_not_supported") {
            return .unsupported
        }
        return nil
    }

    private func roundThumbnail(_ node: HTMLNode) -> String? {
        node.first(withClass: "tgme_widget_message_roundvideo_thumb")?.backgroundImageURL
    }

    private func absolute(_ url: String) -> String {
        URLResolver.resolve(url, against: pageURL)
    }

    private static func poll(_ node: HTMLNode) -> TelegramPoll? {
        guard let question = node.first(withClass: "tgme_widget_message_poll_question")?.trimmedText else { return nil }
        let options = node.all { $0.hasClass("tgme_widget_message_poll_option") }
            .compactMap { $0.first(withClass: "tgme_widget_message_poll_option_text")?.trimmedText }
        return TelegramPoll(question: question, kind: node.first(withClass: "tgme_widget_message_poll_type")?.trimmedText,
                            options: options)
    }
}
