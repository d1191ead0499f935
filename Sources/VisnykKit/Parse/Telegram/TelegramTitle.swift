/// A post has no title of its own: it is the first sentence or line of the text, at most
/// `maximumLength` characters cut at a word boundary; a post without text is named after
/// what it holds ("Photo", "Video", "Poll: …").
enum TelegramTitle {
    static let maximumLength = 120

    static func make(text: String, post: TelegramPost) -> String {
        if let line = text.split(whereSeparator: \.isNewline).lazy
            .map({ $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") })
            .first(where: { !$0.isEmpty }) {
            return shortened(firstSentence(of: line))
        }
        return shortened(fallback(for: post))
    }

    /// Up to the first ". ", "! ", "? " or "… "; a closing "." is dropped, "!" and "?" kept.
    static func firstSentence(of line: String) -> String {
        var sentence = line
        var previous: Character?
        for index in line.indices {
            let character = line[index]
            if character == " ", let end = previous, ".!?…".contains(end) {
                sentence = String(line[..<index])
                break
            }
            previous = character
        }
        if sentence.hasSuffix("."), !sentence.hasSuffix("..") { sentence.removeLast() }
        return sentence
    }

    /// At most `maximumLength` characters, cut at the last space that fits, with "…".
    static func shortened(_ title: String) -> String {
        guard title.count > maximumLength else { return title }
        let head = title.prefix(maximumLength - 1)
        guard let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= maximumLength / 3 else {
            return String(head) + "…"
        }
        return String(head[..<space]).trimmingSuffix { $0 == "," || $0 == ":" || $0 == ";" || $0 == "-" } + "…"
    }

    static func fallback(for post: TelegramPost) -> String {
        if let poll = post.poll { return "Poll: " + poll.question }
        let kinds = post.media.map(name)
        if kinds.contains("Video") { return "Video" }
        if let first = kinds.first { return first }
        if let preview = post.linkPreview { return preview.title ?? preview.siteName ?? "Link" }
        return "Post \(post.number)"
    }

    private static func name(_ media: TelegramMedia) -> String {
        switch media {
        case .photo: "Photo"
        case .video(_, _, _, let isGIF): isGIF ? "GIF" : "Video"
        case .roundVideo: "Video message"
        case .voice: "Voice message"
        case .document(let title, _, let isAudio): (isAudio ? "Audio" : "Document") + (title.map { ": " + $0 } ?? "")
        case .sticker: "Sticker"
        case .location: "Location"
        case .unsupported: "Media"
        }
    }
}

private extension String {
    func trimmingSuffix(while drop: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, drop(last) || last == " " { result.removeLast() }
        return result
    }
}
