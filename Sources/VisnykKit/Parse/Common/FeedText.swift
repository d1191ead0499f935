/// Text as a feed carries it, before sanitizing: Atom's text constructs, RSS's HTML-ish
/// elements and JSON Feed's content_html / content_text all end up as one of these.
struct FeedText {
    enum Kind {
        /// Plain text: `<` is a character, not markup.
        case text
        /// HTML (escaped in the XML, or CDATA).
        case html
    }

    var value: String
    var kind: Kind
    /// The base URL in scope where the text appeared (xml:base, else the document's URL).
    var base: String?
}
