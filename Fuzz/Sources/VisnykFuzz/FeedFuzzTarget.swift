import VisnykKit

/// `FeedParser.parse` tells XML (RSS, Atom, RDF), JSON Feed and t.me/s pages apart by content,
/// so one target reaches all three readers, the charset decoder and the entry finisher. A
/// parsed feed is also written as article JSON, which must be valid UTF-8.
enum FeedFuzzTarget {
    static func run(_ bytes: [UInt8]) {
        let options = ParseOptions(baseURL: "https://example.org/feeds/fuzz.xml", inputName: "fuzz input")
        guard let feed = try? FeedParser.parse(bytes, options: options) else { return }
        let json = feed.jsonBytes
        if String(validating: json, as: UTF8.self) == nil {
            fatalError("the article JSON of a parsed feed is not valid UTF-8")
        }
    }
}
