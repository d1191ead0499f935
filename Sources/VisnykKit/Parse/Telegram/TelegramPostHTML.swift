/// The HTML of a post as an article: where it came from (forwarded, in reply to), the
/// text, the media, the poll and the link preview. Media files on Telegram's CDN are signed
/// and expire, so pictures link to the post's permalink, which stays valid.
struct TelegramPostHTML {
    private(set) var content = ""
    private(set) var enclosures: [Enclosure] = []

    init(post: TelegramPost, permalink: String) {
        if let from = post.forwardedFrom {
            content += "<p>Forwarded from " + link(from.url, from.name ?? "a hidden user") + "</p>\n"
        }
        if let reply = post.replyTo {
            content += "<p>In reply to " + link(reply.url, reply.name.map { "a post by " + $0 } ?? "an earlier post") + "</p>\n"
        }
        if let text = post.textHTML {
            content += "<div>" + text + "</div>\n"
        }
        for media in post.media {
            append(media, permalink: permalink)
        }
        if let poll = post.poll {
            content += "<p>Poll: " + escaped(poll.question) + (poll.kind.map { " (" + escaped($0) + ")" } ?? "") + "</p>\n"
            if !poll.options.isEmpty {
                content += "<ul>" + poll.options.map { "<li>" + escaped($0) + "</li>" }.joined() + "</ul>\n"
            }
        }
        if let preview = post.linkPreview {
            appendPreview(preview)
        }
    }

    private mutating func append(_ media: TelegramMedia, permalink: String) {
        switch media {
        case .photo(let url):
            content += "<p>" + linkedImage(url, alt: "Photo", permalink: permalink) + "</p>\n"
            enclosures.append(Enclosure(url: url, type: "image/jpeg"))
        case .video(let url, let thumbnail, let duration, let isGIF):
            let label = (isGIF ? "GIF" : "Video") + (duration.map { " " + $0 } ?? "")
            content += "<p>" + (thumbnail.map { linkedImage($0, alt: label, permalink: permalink) } ?? link(permalink, label)) + "</p>\n"
            if let url { enclosures.append(Enclosure(url: url, type: "video/mp4")) }
        case .roundVideo(let url, let thumbnail):
            content += "<p>" + (thumbnail.map { linkedImage($0, alt: "Video message", permalink: permalink) }
                ?? link(permalink, "Video message")) + "</p>\n"
            if let url { enclosures.append(Enclosure(url: url, type: "video/mp4")) }
        case .voice(let url, let duration):
            content += "<p>" + link(permalink, "Voice message" + (duration.map { " " + $0 } ?? "")) + "</p>\n"
            if let url { enclosures.append(Enclosure(url: url, type: "audio/ogg")) }
        case .document(let title, let extra, let isAudio):
            let name = title ?? (isAudio ? "Audio" : "Document")
            content += "<p>" + link(permalink, name + (extra.map { " (" + $0 + ")" } ?? "")) + "</p>\n"
        case .sticker(let url):
            if let url { content += "<p>" + linkedImage(url, alt: "Sticker", permalink: permalink) + "</p>\n" }
        case .location(let url):
            content += "<p>" + link(url ?? permalink, "Location") + "</p>\n"
        case .unsupported:
            content += "<p>" + link(permalink, "Media: view it in Telegram") + "</p>\n"
        }
    }

    private mutating func appendPreview(_ preview: TelegramLinkPreview) {
        content += "<blockquote>"
        if let site = preview.siteName { content += "<p>" + escaped(site) + "</p>" }
        content += "<p>" + link(preview.url, preview.title ?? preview.url) + "</p>"
        if let description = preview.description { content += "<p>" + escaped(description) + "</p>" }
        if let image = preview.imageURL {
            content += "<p>" + linkedImage(image, alt: preview.title ?? "", permalink: preview.url) + "</p>"
        }
        content += "</blockquote>\n"
    }

    private func link(_ url: String?, _ label: String) -> String {
        guard let url else { return escaped(label) }
        return "<a href=\"" + HTMLEscaping.escapeAttribute(url) + "\">" + escaped(label) + "</a>"
    }

    private func linkedImage(_ url: String, alt: String, permalink: String) -> String {
        "<a href=\"" + HTMLEscaping.escapeAttribute(permalink) + "\"><img src=\"" + HTMLEscaping.escapeAttribute(url)
            + "\" alt=\"" + HTMLEscaping.escapeAttribute(alt) + "\"></a>"
    }

    private func escaped(_ text: String) -> String {
        HTMLEscaping.escapeText(text)
    }
}
