/// Writes the inside of a message text element back out as HTML for the sanitizer, fixing
/// what the web preview gets wrong for a reader outside it: emoji images become the
/// characters they show, hashtag links (`?q=%23tag`) point at the channel's search,
/// `a[onclick]` links lose the `&amp;amp;` double escaping, and relative links become absolute.
struct TelegramMessageHTML {
    /// The channel page the relative links of the markup are relative to.
    let pageURL: String
    private(set) var html = ""
    /// Hashtags met in the text, without "#", in order.
    private(set) var hashtags: [String] = []

    init(pageURL: String) {
        self.pageURL = pageURL
    }

    private static let voidElements: Set<String> = ["br", "img", "hr", "wbr"]
    /// Attributes kept on the way out: the sanitizer decides the rest, but style and
    /// onclick carry nothing a reader needs.
    private static let keptAttributes: Set<String> = ["href", "src", "alt", "title", "datetime"]

    mutating func appendChildren(of node: HTMLNode) {
        for child in node.children { append(child) }
    }

    mutating func append(_ node: HTMLNode) {
        if node.isText {
            html += HTMLEscaping.escapeText(node.text)
            return
        }
        if node.name == "i", node.hasClass("emoji") {
            html += HTMLEscaping.escapeText(Self.emojiCharacters(node))
            return
        }
        // A spoiler is hidden until tapped; in a digest it is just text.
        let name = node.name == "tg-spoiler" ? "span" : node.name
        html += "<" + name
        for attribute in node.attributes where Self.keptAttributes.contains(attribute.name) {
            var value = attribute.value
            if attribute.name == "href" {
                value = linkTarget(value, repairingDoubleEscape: node.attribute("onclick") != nil)
                if let tag = Self.hashtag(href: attribute.value) { hashtags.append(tag) }
            } else if attribute.name == "src" {
                value = URLResolver.resolve(value, against: pageURL)
            }
            html += " " + attribute.name + "=\"" + HTMLEscaping.escapeAttribute(value) + "\""
        }
        html += ">"
        if Self.voidElements.contains(name) { return }
        appendChildren(of: node)
        html += "</" + name + ">"
    }

    /// Since 2024-04 the preview writes every `&` of an external link's href as `&amp;amp;`,
    /// so decoding leaves a literal "&amp;" in the URL.
    private func linkTarget(_ href: String, repairingDoubleEscape: Bool) -> String {
        let repaired = repairingDoubleEscape ? href.replacing("&amp;", with: "&") : href
        return URLResolver.resolve(repaired, against: pageURL)
    }

    /// "?q=%23engineering" → "engineering".
    static func hashtag(href: String) -> String? {
        guard href.hasPrefix("?q=%23") else { return nil }
        let encoded = href.dropFirst(6).prefix { $0 != "&" }
        let tag = percentDecoded(String(encoded))
        return tag.isEmpty ? nil : tag
    }

    private static func percentDecoded(_ s: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The character the emoji image shows: the `<b>` inside, else the image's file name,
    /// which is the emoji's UTF-8 bytes in hex.
    static func emojiCharacters(_ node: HTMLNode) -> String {
        let text = node.textContent
        if !text.isEmpty { return text }
        guard let url = node.backgroundImageURL,
              let file = url.split(separator: "/").last?.split(separator: ".").first,
              file.count % 2 == 0, file.count <= 64 else { return "" }
        var bytes: [UInt8] = []
        var hex = file[...]
        while !hex.isEmpty {
            guard let byte = UInt8(hex.prefix(2), radix: 16) else { return "" }
            bytes.append(byte)
            hex = hex.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self) ?? ""
    }
}
