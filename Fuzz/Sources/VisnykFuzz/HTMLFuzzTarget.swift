import VisnykKit

/// The sanitizer and the text extractor on any text. The sanitized HTML must never hold an
/// element that can run code or restyle the digest: text and attribute values have `<`
/// escaped, so `<script` in the output would be a real tag.
enum HTMLFuzzTarget {
    static let forbiddenTags = ["<script", "<style", "<iframe", "<object", "<embed", "<form", "<meta", "<link", "<base"]

    static func run(_ bytes: [UInt8]) {
        let html = String(decoding: bytes, as: UTF8.self)
        let sanitized = HTMLSanitizer.sanitizeAndExtractText(html, baseURL: "https://example.org/posts/1.html")
        _ = HTMLText.text(fromHTML: html)
        _ = HTMLText.inlineText(fromHTML: html)
        let lowered = sanitized.html.lowercased()
        for tag in forbiddenTags where lowered.contains(tag) {
            fatalError("the sanitized HTML holds \(tag)")
        }
    }
}
