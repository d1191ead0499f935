/// The main content of an article page, sanitized as feed content is.
public struct ExtractedArticle: Sendable, Equatable {
    /// Safe HTML of the article container's content (`HTMLSanitizer`).
    public let html: String
    /// Its plain text, as entries get `text` (`HTMLText` rules).
    public let text: String
}

/// Finds the article in a fetched page: the page is read with libxml2 (`HTMLTree`),
/// scripts, forms, navigation, asides, headers and footers and the blocks whose class/id
/// says they are chrome are dropped, paragraphs are scored into their containers
/// (`ContentScore`), and the best container, cleaned of link lists and widgets, is sanitized.
/// A `ContentSelector` names the container instead of the scorer.
///
/// Nil when the page is too large, has no element, the selector matches nothing, or the
/// chosen container holds less than `minimumTextLength` characters of text or is mostly
/// links: the caller keeps the feed's own content.
public enum ArticleExtractor {
    public static let maximumPageBytes = 8 << 20
    public static let minimumTextLength = 200

    public static func extract(page utf8: [UInt8], url: String?, selector: ContentSelector? = nil) -> ExtractedArticle? {
        guard utf8.count <= maximumPageBytes, let root = HTMLTree.parse(utf8, url: url) else { return nil }
        let container: HTMLNode
        if let selector {
            guard let selected = selector.firstMatch(in: root) else { return nil }
            container = ContentCleaner.withoutChrome(selected)
        } else {
            guard let best = ContentScore(root: ContentCleaner.withoutChrome(root)).best else { return nil }
            container = best.node
        }
        let content = ContentCleaner.withoutJunk(container)
        guard content.linkDensity <= 0.5 else { return nil }
        let sanitized = HTMLSanitizer.sanitizeAndExtractText(content.innerHTML, baseURL: url)
        guard sanitized.text.count >= minimumTextLength else { return nil }
        return ExtractedArticle(html: sanitized.html.trimmingXMLWhitespace(), text: sanitized.text)
    }
}
