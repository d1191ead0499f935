import VisnykKit

/// The full-text path of a fetched page: charset detection (`ArticlePage.utf8`) and the
/// extractor. An input whose first line is `@selector SELECTOR` extracts with that
/// `content_selector` (when it parses) instead of the scorer.
enum FullTextFuzzTarget {
    static let selectorPrefix = Array("@selector ".utf8)

    static func run(_ bytes: [UInt8]) {
        var page = bytes[...]
        var selector: ContentSelector?
        if bytes.starts(with: selectorPrefix) {
            let lineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
            let source = String(decoding: bytes[selectorPrefix.count..<lineEnd], as: UTF8.self)
            selector = try? ContentSelector(source)
            page = bytes[min(lineEnd + 1, bytes.endIndex)...]
        }
        let utf8 = ArticlePage.utf8(Array(page), contentType: "text/html")
        _ = ArticleExtractor.extract(page: utf8, url: "https://example.org/news/2026/article.html", selector: selector)
    }
}
