import Foundation
import Testing
@testable import VisnykKit

@Suite struct SpoolDocumentJSONTests {
    @Test func spoolJSONIsTheContractEntryPlusFeedWithSourceAndFetchedAt() throws {
        let parsed = try ParseFixture.parse("feeds/rss20-full.xml")
        let entry = try #require(parsed.entries.first)
        let document = SpoolDocument(entry: entry, feed: parsed.feed, source: "Повний \"RSS\"", fetchedAt: sampleFetchTime)
        let bytes = document.bytes(format: .json, domain: "h")
        #expect(bytes.last == UInt8(ascii: "\n"))
        #expect(!bytes.dropLast().contains(UInt8(ascii: "\n")))
        var spooled = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])

        let contract = try #require(try JSONSerialization.jsonObject(with: Data(parsed.json.utf8)) as? [String: Any])
        let contractFeed = try #require(contract["feed"] as? [String: Any])
        let contractEntry = try #require((contract["entries"] as? [[String: Any]])?.first)

        var feed = try #require(spooled.removeValue(forKey: "feed") as? [String: Any])
        #expect(feed.removeValue(forKey: "source") as? String == "Повний \"RSS\"")
        #expect(NSDictionary(dictionary: feed).isEqual(to: contractFeed))
        #expect(spooled.removeValue(forKey: "fetchedAt") as? String == "2026-11-18T11:06:40Z")
        #expect(NSDictionary(dictionary: spooled).isEqual(to: contractEntry))
    }

    @Test func updateCarriesTheHashItReplaces() throws {
        let entry = makeEntry(id: "x", title: "T", text: "Достатньо довгий текст статті для хешу вмісту.")
        let old = "sha256:" + String(repeating: "ab", count: 32)
        let document = SpoolDocument(entry: entry, feed: makeFeed([]).feed, source: "S", fetchedAt: sampleFetchTime, updates: old)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.bytes(format: .json, domain: "h"))) as? [String: Any])
        #expect(object["updates"] as? String == old)
        #expect(object["contentHash"] as? String == entry.contentHash)
    }
}
