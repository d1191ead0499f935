import Foundation
import Testing
@testable import VisnykKit

/// Shortcuts for the end-to-end parser tests: parse a fixture or a string, read dates back
/// in the contract's RFC 3339 form, and decode `.json` to check it is what DESIGN.md says.
enum ParseFixture {
    static func parse(_ fixture: String, baseURL: String? = nil, contentType: String? = nil,
                      strip: [StripPattern] = []) throws -> ParsedFeed {
        let options = ParseOptions(baseURL: baseURL, contentType: contentType, strip: strip, inputName: fixture)
        return try FeedParser.parse(try Fixture.bytes(fixture), options: options)
    }

    static func parse(string: String, baseURL: String? = nil, contentType: String? = nil,
                      strip: [StripPattern] = []) throws -> ParsedFeed {
        try parse(bytes: Array(string.utf8), baseURL: baseURL, contentType: contentType, strip: strip)
    }

    static func parse(bytes: [UInt8], baseURL: String? = nil, contentType: String? = nil,
                      strip: [StripPattern] = []) throws -> ParsedFeed {
        let options = ParseOptions(baseURL: baseURL, contentType: contentType, strip: strip, inputName: "test-input")
        return try FeedParser.parse(bytes, options: options)
    }

    /// The reason a parse failed, or nil when it succeeded.
    static func failure(_ bytes: [UInt8], contentType: String? = nil) -> FeedParseError.Reason? {
        do {
            _ = try FeedParser.parse(bytes, options: ParseOptions(contentType: contentType, inputName: "test-input"))
            return nil
        } catch {
            return error.reason
        }
    }

    /// `text` with blank lines between blocks squeezed: how many line breaks separate two
    /// paragraphs is the text extractor's choice; that they are separated is the contract.
    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
    }

    static func rfc3339(_ date: Date?) -> String? {
        date.map(FeedDate.format)
    }

    /// `parsed.json` read back as a Foundation object (it must be valid JSON).
    static func jsonObject(_ parsed: ParsedFeed) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(parsed.json.utf8))
        return try #require(object as? [String: Any])
    }

    /// All string values in the article JSON, for "this must not appear anywhere" checks.
    static func allOutput(_ parsed: ParsedFeed) -> String {
        parsed.json + "\n" + parsed.warnings.joined(separator: "\n")
    }

    /// A minimal RSS 2.0 document around the given item XML.
    static func rss(items: String, channelExtra: String = "", prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>") -> String {
        """
        \(prolog)
        <rss version="2.0"><channel><title>T</title><link>https://example.org/</link>\
        <description>D</description>\(channelExtra)\(items)</channel></rss>
        """
    }
}
