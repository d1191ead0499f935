import Foundation

/// Reads a JSON Feed document. Lenient where real feeds are sloppy (ids as numbers, a
/// single `author` object in 1.1 feeds), strict where it matters (must be a JSON object with
/// a jsonfeed.org `version`).
enum JSONFeedParser {
    static func looksLikeJSON(_ utf8: [UInt8]) -> Bool {
        for byte in utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    static func parse(_ utf8: [UInt8]) throws(FeedParseError.Reason) -> JSONFeedDocument {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(utf8), options: [.fragmentsAllowed])
        } catch {
            throw .malformedJSON((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")
        }
        guard let root = object as? [String: Any] else {
            throw .notAFeed("the JSON document is not an object, so it is not a JSON Feed")
        }
        let version = root["version"] as? String ?? ""
        guard version.contains("jsonfeed.org/version/") || root["items"] is [Any] else {
            throw .notAFeed("the JSON document has no jsonfeed.org \"version\", so it is not a JSON Feed")
        }
        var document = JSONFeedDocument(version: version)
        document.title = string(root["title"])
        document.homePageURL = string(root["home_page_url"])
        document.feedURL = string(root["feed_url"])
        document.description = string(root["description"])
        document.language = string(root["language"])
        document.authors = authors(root)
        document.items = (root["items"] as? [Any] ?? []).compactMap { ($0 as? [String: Any]).map(item) }
        return document
    }

    private static func item(_ object: [String: Any]) -> JSONFeedItem {
        var item = JSONFeedItem()
        item.id = identifier(object["id"])
        item.url = string(object["url"])
        item.title = string(object["title"])
        item.contentHTML = string(object["content_html"])
        item.contentText = string(object["content_text"])
        item.summary = string(object["summary"])
        item.datePublished = string(object["date_published"])
        item.dateModified = string(object["date_modified"])
        item.authors = authors(object)
        item.tags = (object["tags"] as? [Any] ?? []).compactMap { string($0) }
        item.attachments = (object["attachments"] as? [Any] ?? []).compactMap { any in
            guard let a = any as? [String: Any], let url = string(a["url"]) else { return nil }
            let size = (a["size_in_bytes"] as? NSNumber).map { $0.int64Value }
            return Enclosure(url: url, type: string(a["mime_type"]), length: size.flatMap { $0 >= 0 ? $0 : nil })
        }
        return item
    }

    /// `authors` (1.1) or `author` (1.0); each with name, url, avatar.
    private static func authors(_ object: [String: Any]) -> [Author] {
        var list = object["authors"] as? [Any] ?? []
        if list.isEmpty, let single = object["author"] { list = [single] }
        return list.compactMap { any in
            guard let a = any as? [String: Any] else { return nil }
            let author = Author(name: string(a["name"]), uri: string(a["url"]))
            return author.isEmpty ? nil : author
        }
    }

    /// A non-empty trimmed string, or nil for anything else.
    static func string(_ any: Any?) -> String? {
        guard let s = any as? String else { return nil }
        let t = s.trimmingXMLWhitespace()
        return t.isEmpty ? nil : t
    }

    /// Ids must be strings, but feeds write numbers too; booleans are not ids.
    private static func identifier(_ any: Any?) -> String? {
        if let s = string(any) { return s }
        // JSONSerialization hands booleans over as NSNumber with objCType "c".
        if let n = any as? NSNumber, String(cString: n.objCType) != "c" { return n.stringValue }
        return nil
    }
}
