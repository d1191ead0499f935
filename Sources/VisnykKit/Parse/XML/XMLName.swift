/// An element or attribute local name as a small id: the names adapters read have fixed ids,
/// so they `switch` on integers instead of comparing Strings; other names get ids per document.
struct XMLName: Hashable {
    let id: UInt32

    /// Every fixed-id name, in id order: the id of a name is its index here.
    static let known: [String] = [
        "", "rss", "RDF", "channel", "item", "feed", "entry", "title", "link", "description", "language",
        "lastBuildDate", "pubDate", "guid", "author", "category", "enclosure", "encoded", "date", "modified",
        "created", "issued", "creator", "subject", "updated", "published", "summary", "content", "group",
        "keywords", "subtitle", "tagline", "id", "source", "name", "email", "uri", "url", "homepage", "div",
        "about", "href", "rel", "type", "length", "fileSize", "isPermaLink", "term", "label", "src", "mode",
        "version", "base", "lang",
    ]

    static let knownIDs: [String: UInt32] = {
        var ids: [String: UInt32] = [:]
        for (index, name) in known.enumerated() { ids[name] = UInt32(index) }
        return ids
    }()

    static let rss = XMLName(id: 1)
    static let rdf = XMLName(id: 2)
    static let channel = XMLName(id: 3)
    static let item = XMLName(id: 4)
    static let feed = XMLName(id: 5)
    static let entry = XMLName(id: 6)
    static let title = XMLName(id: 7)
    static let link = XMLName(id: 8)
    static let description = XMLName(id: 9)
    static let language = XMLName(id: 10)
    static let lastBuildDate = XMLName(id: 11)
    static let pubDate = XMLName(id: 12)
    static let guid = XMLName(id: 13)
    static let author = XMLName(id: 14)
    static let category = XMLName(id: 15)
    static let enclosure = XMLName(id: 16)
    static let encoded = XMLName(id: 17)
    static let date = XMLName(id: 18)
    static let modified = XMLName(id: 19)
    static let created = XMLName(id: 20)
    static let issued = XMLName(id: 21)
    static let creator = XMLName(id: 22)
    static let subject = XMLName(id: 23)
    static let updated = XMLName(id: 24)
    static let published = XMLName(id: 25)
    static let summary = XMLName(id: 26)
    static let content = XMLName(id: 27)
    static let group = XMLName(id: 28)
    static let keywords = XMLName(id: 29)
    static let subtitle = XMLName(id: 30)
    static let tagline = XMLName(id: 31)
    static let id = XMLName(id: 32)
    static let source = XMLName(id: 33)
    static let name = XMLName(id: 34)
    static let email = XMLName(id: 35)
    static let uri = XMLName(id: 36)
    static let url = XMLName(id: 37)
    static let homepage = XMLName(id: 38)
    static let div = XMLName(id: 39)
    static let about = XMLName(id: 40)
    static let href = XMLName(id: 41)
    static let rel = XMLName(id: 42)
    static let type = XMLName(id: 43)
    static let length = XMLName(id: 44)
    static let fileSize = XMLName(id: 45)
    static let isPermaLink = XMLName(id: 46)
    static let term = XMLName(id: 47)
    static let label = XMLName(id: 48)
    static let src = XMLName(id: 49)
    static let mode = XMLName(id: 50)
    static let version = XMLName(id: 51)
    static let base = XMLName(id: 52)
    static let lang = XMLName(id: 53)
}
