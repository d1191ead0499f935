import Foundation
import Testing
@testable import VisnykKit

struct JSONWriterTests {
    /// Every escape at every offset around the eight-byte steps, with Cyrillic around it.
    @Test func escapesAreFoundAtEveryOffset() throws {
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}"]
        for special in specials {
            for offset in 0..<20 {
                let value = String(repeating: "a", count: offset) + String(special) + "Київ ’ b" + String(special)
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("v", value)
                writer.endObject()
                let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: String]
                #expect(decoded?["v"] == value, "offset \(offset), \(special.unicodeScalars.first!.value)")
            }
        }
    }

    @Test func absentValuesAreOmittedAndArraysAreSeparated() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", nil as String?)
        writer.field("n", 42 as Int64?)
        writer.beginArray("list")
        writer.element("x")
        writer.element("y")
        writer.endArray()
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"n":42,"list":["x","y"]}"#)
    }

    @Test func chunkedOutputEqualsTheWholeDocument() throws {
        let items = (1...20).map { "<item><title>Новина \($0)</title><description>&lt;p&gt;Текст \($0) \"q\"&lt;/p&gt;</description></item>" }
        let xml = "<rss version=\"2.0\"><channel><title>T</title>" + items.joined() + "</channel></rss>"
        let parsed = try FeedParser.parse(Array(xml.utf8), options: ParseOptions())
        for chunkSize in [1, 10, 100, 1 << 20] {
            var chunks: [[UInt8]] = []
            parsed.writeJSON(chunkSize: chunkSize) { chunks.append($0) }
            #expect(Array(chunks.joined()) == parsed.jsonBytes, "chunk size \(chunkSize)")
            if chunkSize == 1 { #expect(chunks.count > 20) }
        }
    }
}
