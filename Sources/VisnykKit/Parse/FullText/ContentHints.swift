/// The class/id words that say what a block is, and the elements that never hold an article.
enum ContentHints {
    static let positive: Set<String> = ["article", "content", "entry", "post", "text", "body", "story", "articlebody"]
    static let negative: [String] = [
        "comment", "sidebar", "footer", "header", "menu", "nav", "share", "sharing", "social", "related",
        "subscribe", "newsletter", "promo", "widget", "banner", "popup", "cookie", "breadcrumb",
        "telegram", "follow", "sponsor", "tags", "pagination", "masthead",
    ]
    /// Short words matched whole only ("ad" must not match "header" or "read").
    static let negativeWhole: Set<String> = ["ad", "ads", "advert", "tg"]
    /// A block with one of these words is not dropped as unlikely even when a negative word
    /// is there too ("comment-content" of a theme that names its body so is rare; "entry" and
    /// "post" are too common in share and comment widgets to save a block).
    static let saving: Set<String> = ["article", "content", "body", "story", "main", "articlebody"]

    /// Dropped with their content before scoring.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "form", "nav", "aside", "footer", "header", "iframe",
        "button", "input", "select", "textarea", "svg", "math", "template", "object", "embed",
        "canvas", "dialog", "link", "meta",
    ]

    static func isNegative(_ word: Substring) -> Bool {
        negativeWhole.contains(String(word)) || negative.contains { word.contains($0) }
    }

    static func isPositive(_ word: Substring) -> Bool {
        positive.contains(String(word))
    }

    /// +25 for a positive word, −25 for a negative one (class and id together, as one list),
    /// +25 more for `itemprop="articleBody"`.
    static func weight(of node: HTMLNode) -> Double {
        let words = node.hintWords
        var weight = 0.0
        if words.contains(where: isNegative) { weight -= 25 }
        if words.contains(where: isPositive) { weight += 25 }
        if node.isArticleBody { weight += 25 }
        return weight
    }

    /// A block whose class or id says it is navigation, comments, sharing, promotion…
    static func isUnlikely(_ node: HTMLNode) -> Bool {
        if ["html", "body", "article", "main"].contains(node.name) || node.isArticleBody { return false }
        let words = node.hintWords
        guard words.contains(where: isNegative) else { return false }
        return !words.contains { saving.contains(String($0)) }
    }
}

extension HTMLNode {
    var isArticleBody: Bool { attribute("itemprop")?.lowercased() == "articlebody" }
}
