/// Raw bytes → `ParsedFeed`: decode the charset, detect the format from the content (never
/// from the file name or Content-Type), read the wire format, adapt it, normalize entries.
public enum FeedParser {
    /// Documents larger than this are refused: no real feed is, and libxml2 must stay bounded.
    public static let maximumDocumentSize = 64 << 20

    public static func parse(_ bytes: [UInt8], options: ParseOptions) throws(FeedParseError) -> ParsedFeed {
        let input = options.inputName
        guard bytes.count <= maximumDocumentSize else {
            throw FeedParseError(input: input, reason: .tooLarge(bytes: bytes.count, limit: maximumDocumentSize))
        }
        let decoded: DecodedDocument
        do {
            decoded = try DocumentDecoder.decode(bytes, contentType: options.contentType)
        } catch {
            throw FeedParseError(input: input, reason: .undecodable("\(error)"))
        }
        guard decoded.utf8.contains(where: { $0 > 0x20 }) else {
            throw FeedParseError(input: input, reason: .empty)
        }
        var draft: DraftFeed
        do {
            draft = try wireDraft(decoded.utf8, baseURL: options.baseURL)
        } catch {
            throw FeedParseError(input: input, reason: error)
        }
        draft.warnings = decoded.warnings + draft.warnings
        var parsed = EntryFinisher(strip: options.strip).finish(&draft)
        parsed.pollHints = draft.pollHints
        return parsed
    }

    private static func wireDraft(_ utf8: [UInt8], baseURL: String?) throws(FeedParseError.Reason) -> DraftFeed {
        if JSONFeedParser.looksLikeJSON(utf8) {
            let document = try JSONFeedParser.parse(utf8)
            return JSONFeedAdapter.draft(from: document, base: baseURL)
        }
        // A t.me/s page is HTML, which the XML parser would only half read.
        if TelegramPageParser.looksLikeTelegramPage(utf8) {
            guard let page = TelegramPageParser.parse(utf8, url: baseURL) else {
                throw .notAFeed("libxml2 found no HTML elements in this Telegram page")
            }
            return try TelegramAdapter.draft(from: page)
        }
        var warnings: [String] = []
        let tree: XMLTreeBuilder.Result
        do {
            let parsed = try XMLTreeBuilder.parseRepairing(utf8, documentBase: baseURL)
            tree = parsed.result
            if parsed.repairs > 0 {
                warnings.append("repaired \(parsed.repairs) character or entity reference(s) that XML does not allow")
            }
        } catch {
            throw .malformedXML(line: error.line, message: error.message)
        }
        if tree.recovered, let error = tree.firstError {
            warnings.append("line \(error.line): the document is not well-formed XML (\(error.message)); "
                + "read in recovery mode, so some content may be missing")
        }
        warnings += tree.limitsHit
        return try adapt(tree.root, warnings: warnings)
    }

    private static func adapt(_ root: XMLElement, warnings: [String]) throws(FeedParseError.Reason) -> DraftFeed {
        if let format = RSSParser.format(of: root) {
            var parser = RSSParser()
            let channel = parser.parse(root, format: format)
            return RSSAdapter.draft(from: channel, warnings: warnings + parser.warnings)
        }
        if let format = AtomParser.format(of: root) {
            var parser = AtomParser()
            let feed = parser.parse(root, format: format)
            return AtomAdapter.draft(from: feed, warnings: warnings + parser.warnings)
        }
        if root.nameString.lowercased() == "html" {
            throw .notAFeed("this is an HTML page, not a feed")
        }
        throw .notAFeed("the root element <\(root.nameString)> is not RSS (<rss>, <rdf:RDF>) or Atom (<feed>)")
    }
}
