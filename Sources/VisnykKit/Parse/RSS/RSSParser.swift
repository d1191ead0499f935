/// Reads an RSS 0.9x, 1.0 (RDF) or 2.0 document tree into wire types.
struct RSSParser {
    /// RSS has no namespace in 0.9x/2.0; RSS 1.0 and 0.90 put their elements in their own.
    static let core: [String] = [Namespace.none, Namespace.rss10, Namespace.rss090]
    var warnings: [String] = []

    static func format(of root: XMLElement) -> FeedFormat? {
        switch root.name {
        case "rss":
            let version = root.attribute("version")?.trimmingXMLWhitespace() ?? ""
            return version.hasPrefix("0.9") ? .rss09x : .rss20
        case "RDF":
            let items = root.elements.filter { $0.name == "channel" || $0.name == "item" }
            return items.contains { $0.namespace == Namespace.rss090 } ? .rss09x : .rss10
        case "channel":
            return .rss09x
        default:
            return nil
        }
    }

    mutating func parse(_ root: XMLElement, format: FeedFormat) -> RSSChannel {
        var channel = RSSChannel(format: format)
        let channelElement = root.name == "channel" ? root : root.first("channel", in: Self.core)
        channel.rootLanguage = channelElement?.language ?? root.language
        if let channelElement {
            read(channelElement, into: &channel)
        }
        // RSS 1.0 and 0.90 put items beside the channel; some RSS 2.0 feeds do too.
        var itemElements = channelElement?.all("item", in: Self.core) ?? []
        if root !== channelElement {
            itemElements += root.all("item", in: Self.core)
        }
        channel.items = itemElements.map { readItem($0) }
        return channel
    }

    private mutating func read(_ element: XMLElement, into channel: inout RSSChannel) {
        for case .element(let child) in element.children {
            switch (child.namespace, child.name) {
            case (Namespace.dc, "title"): channel.dcTitle = child.htmlText
            case (Namespace.dc, "language"): channel.dcLanguage = child.trimmedText
            case (Namespace.dc, "date"): channel.dcDate = child.date(warnings: &warnings)
            case (Namespace.atom10, "link"): if let link = AtomParser.link(child) { channel.atomLinks.append(link) }
            case (Namespace.atom10, "updated"): channel.atomUpdated = child.date(warnings: &warnings)
            case (Namespace.itunes, "summary"): channel.itunesSummary = child.htmlText
            case (Namespace.itunes, "subtitle"): channel.itunesSubtitle = child.htmlText
            case (let ns, let name) where Self.core.contains(ns):
                switch name {
                case "title": channel.title = child.htmlText
                case "link": channel.link = channel.link ?? child.urlText ?? child.urlAttribute("href")
                case "description": channel.description = child.htmlText
                case "language": channel.language = child.trimmedText
                case "lastBuildDate": channel.lastBuildDate = child.date(warnings: &warnings)
                case "pubDate": channel.pubDate = child.date(warnings: &warnings)
                default: break
                }
            default: break
            }
        }
    }
}
