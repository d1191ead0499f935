import Foundation

extension Entry {
    /// The JSON of one spool file (DESIGN.md, "Spool"): this entry's object of the article
    /// contract, plus `"feed"` (with `"source"`: the configured source name), `"fetchedAt"`,
    /// and, for an edited entry, `"updates"`: the content hash of the version it replaces.
    /// An article marked as telling an earlier article's story has `"sameStoryAs"`: that
    /// article's content hash. One line, ending in a newline.
    ///
    /// Built from the contract's own writers (Entry.write, Feed.write) so that the two can
    /// never drift apart: each closed object is reopened by dropping its closing brace (both
    /// always hold at least one member: "id", "format") and the extra members are appended.
    func spoolJSONBytes(feed: Feed, source: String, fetchedAt: Date, updates: String?,
                         sameStoryAs: String? = nil) -> [UInt8] {
        var entryWriter = JSONWriter()
        write(to: &entryWriter)
        var feedWriter = JSONWriter()
        feed.write(to: &feedWriter, key: nil)
        var sourceWriter = JSONWriter()
        sourceWriter.beginObject()
        sourceWriter.field("source", source)
        sourceWriter.endObject()
        var tailWriter = JSONWriter()
        tailWriter.beginObject()
        tailWriter.field("fetchedAt", FeedDate.format(fetchedAt))
        tailWriter.field("updates", updates)
        tailWriter.field("sameStoryAs", sameStoryAs)
        tailWriter.endObject()

        var bytes = entryWriter.bytes
        bytes.reserveCapacity(bytes.count + feedWriter.byteCount + sourceWriter.byteCount + tailWriter.byteCount + 16)
        bytes.removeLast()
        bytes.append(contentsOf: #","feed":"#.utf8)
        bytes.append(contentsOf: feedWriter.bytes.dropLast())
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: sourceWriter.bytes.dropFirst())
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: tailWriter.bytes.dropFirst())
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
