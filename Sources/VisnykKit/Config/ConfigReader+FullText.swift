import TOMLKit

extension ConfigReader {
    /// A `content_selector`, checked now so that a typo is reported with its line rather than
    /// found by a poll that quietly keeps the feed's teaser.
    mutating func contentSelector(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> ContentSelector? {
        guard let text = string(value, at: path, example: "\"div.entry-content\"") else { return nil }
        do {
            return try ContentSelector(text)
        } catch {
            report(path, "\(error): write a tag, .class, #id or [attribute=value], or several separated by spaces, like \"article div.entry-content\"")
            return nil
        }
    }

    /// `full_text` reads article pages: a Telegram post has no page of its own, and a selector
    /// without `full_text` would never be used.
    mutating func checkFullText(_ source: SourceConfig, locations: [String], at path: [TOMLPathComponent]) {
        if source.fullText && locations.contains("telegram") {
            report(path + [.key("full_text")], "full_text fetches the pages that feed entries link to, and a Telegram post is its own full text: remove full_text from this source")
        }
        if source.contentSelector != nil && !source.fullText {
            report(path + [.key("content_selector")], "content_selector picks the article on pages fetched for full_text, which is off for this source: add full_text = true, or remove content_selector")
        }
    }
}
