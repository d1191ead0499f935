import Foundation

extension ParsedFeed {
    /// The article contract of DESIGN.md: `{"feed": {...}, "entries": [...]}` on one line.
    public var json: String {
        String(decoding: jsonBytes, as: UTF8.self)
    }

    /// The same as UTF-8 bytes, for writing out without another validation pass.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        feed.write(to: &writer, key: "feed")
        writer.beginArray("entries")
        for entry in entries { entry.write(to: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.bytes
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
