import Foundation

extension ParsedFeed {
    /// The article contract of DESIGN.md: `{"feed": {...}, "entries": [...]}` on one line.
    public var json: String {
        String(decoding: jsonBytes, as: UTF8.self)
    }

    /// The same as UTF-8 bytes, for writing out without another validation pass.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writer.reserveCapacity(estimatedJSONSize)
        write(to: &writer) { _ in }
        return writer.bytes
    }

    /// The same JSON handed to `sink` in pieces of about `chunkSize` bytes, so that a large
    /// feed's output never has to be held whole.
    public func writeJSON(chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void) {
        writeJSON(chunkSize: chunkSize, toBuffers: { sink(Array($0)) })
    }

    /// `writeJSON(chunkSize:to:)` without copying the pieces: each buffer is valid only during
    /// the call, and the same memory serves every piece (fresh megabytes per piece cost page
    /// faults).
    public func writeJSON(chunkSize: Int = 1 << 20, toBuffers sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        var writer = JSONWriter()
        writer.reserveCapacity(min(estimatedJSONSize, chunkSize + chunkSize / 4))
        write(to: &writer) { writer in
            if writer.byteCount >= chunkSize {
                writer.withBytes(sink)
                writer.removeAllBytes()
            }
        }
        writer.withBytes(sink)
    }

    private func write(to writer: inout JSONWriter, afterEachEntry: (inout JSONWriter) -> Void) {
        writer.beginObject()
        feed.write(to: &writer, key: "feed")
        writer.beginArray("entries")
        for entry in entries {
            entry.write(to: &writer)
            afterEachEntry(&writer)
        }
        writer.endArray()
        writer.endObject()
    }
}

extension ParsedFeed {
    /// Enough room for the JSON in one allocation (escapes aside), so that a large feed's
    /// output is not copied again and again while it grows.
    private var estimatedJSONSize: Int {
        var size = 512
        for entry in entries {
            size += 256 + entry.id.utf8.count + (entry.title?.utf8.count ?? 0) + (entry.link?.utf8.count ?? 0)
                + (entry.summary?.utf8.count ?? 0) + (entry.content?.utf8.count ?? 0) + entry.text.utf8.count
        }
        return size + size / 16
    }
}

extension Feed {
    func write(to writer: inout JSONWriter, key: String?) {
        writer.beginObject(key)
        writer.field("title", title)
        writer.field("link", link)
        writer.field("description", description)
        writer.field("language", language)
        writer.field("format", format.rawValue)
        writer.field("updated", updated.map(FeedDate.format))
        writer.endObject()
    }
}

extension Entry {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("title", title)
        writer.field("link", link)
        writer.field("published", published.map(FeedDate.format))
        writer.field("updated", updated.map(FeedDate.format))
        if !authors.isEmpty {
            writer.beginArray("authors")
            for author in authors {
                writer.beginObject()
                writer.field("name", author.name)
                writer.field("email", author.email)
                writer.field("uri", author.uri)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.field("summary", summary)
        writer.field("content", content)
        writer.field("text", text)
        if !categories.isEmpty {
            writer.beginArray("categories")
            for category in categories { writer.element(category) }
            writer.endArray()
        }
        if !enclosures.isEmpty {
            writer.beginArray("enclosures")
            for enclosure in enclosures {
                writer.beginObject()
                writer.field("url", enclosure.url)
                writer.field("type", enclosure.type)
                writer.field("length", enclosure.length)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.field("contentHash", contentHash)
        writer.endObject()
    }
}
