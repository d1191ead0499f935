/// An article's page as the server sent it, read as UTF-8 for `ArticleExtractor` (whose
/// libxml2 parser ignores the page's own charset hints).
public enum ArticlePage {
    /// The page's text in UTF-8: the charset of the HTTP Content-Type, else of the page's
    /// `<meta>`, else UTF-8 when the bytes are valid UTF-8, else the legacy guess feeds get
    /// (windows-1251 for Cyrillic news sites).
    public static func utf8(_ bytes: [UInt8], contentType: String?) -> [UInt8] {
        var declared = contentType
        if contentType.flatMap(Charset.charset(fromContentType:)) == nil,
           let label = Charset.charset(fromHTMLMeta: bytes) {
            declared = "text/html; charset=\(label)"
        }
        return (try? DocumentDecoder.decode(bytes, contentType: declared).utf8) ?? bytes
    }

    /// Whether a response of this type can hold an article page: HTML, or no type at all.
    public static func isHTML(contentType: String?) -> Bool {
        guard let contentType else { return true }
        let type = contentType.split(separator: ";").first.map { String($0).trimmingXMLWhitespace().lowercased() } ?? ""
        return type.isEmpty || type == "text/html" || type == "application/xhtml+xml"
    }
}
