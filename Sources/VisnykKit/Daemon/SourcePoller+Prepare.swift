import Foundation

extension SourcePoller {
    /// The document's articles ready for dedup (nil when not modified), with how many the
    /// source's filters kept out: parsed, then through the stages that change what an entry
    /// says, in this order: learned boilerplate (which changes `text` and the content hash),
    /// the filters (SourcePoller+Filter), then full text (pages of new articles only).
    func prepare(_ document: FetchedDocument, from source: SourceConfig, now: Date) async throws(PollFailure)
        -> (feed: ParsedFeed, filtered: Int)? {
        guard !document.notModified else { return nil }
        var parsed = try parse(document, from: source)
        let learned = try removeLearnedBoilerplate(from: &parsed, of: source)
        let filtered = try removeFiltered(from: &parsed, of: source, now: now)
        if source.fullText {
            let strip = source.stripPatterns
            parsed = await withFullText(parsed, from: source) { text in
                learned.removeLines(from: Boilerplate.removeLines(from: text, matching: strip).trimmingXMLWhitespace())
            }
        }
        return (parsed, filtered)
    }

    func parse(_ document: FetchedDocument, from source: SourceConfig) throws(PollFailure) -> ParsedFeed {
        if let preparsed = document.parsed { return preparsed }
        let options = ParseOptions(baseURL: document.baseURL, contentType: document.contentType,
                                   strip: source.stripPatterns, inputName: source.location.display)
        do {
            return try FeedParser.parse(document.bytes, options: options)
        } catch {
            var failure = PollFailure("\(error)", status: document.status)
            failure.isParseError = true
            throw failure
        }
    }
}

extension SourceConfig {
    /// The `strip` patterns, already checked when the configuration was read.
    var stripPatterns: [StripPattern] {
        strip.compactMap { try? StripPattern($0) }
    }
}
