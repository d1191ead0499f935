/// Reads an RSS 0.9x, 1.0 (RDF) or 2.0 document tree into wire types.
struct RSSParser {
    var warnings: [String] = []

    static func format(of root: XMLElement) -> FeedFormat? {
        switch root.name {
        case .rss:
            let version = root.attribute(.version)?.trimmingXMLWhitespace() ?? ""
            return version.hasPrefix("0.9") ? .rss09x : .rss20
        case .rdf:
            let items = root.elements.filter { $0.name == .channel || $0.name == .item }
            return items.contains { $0.namespace == .rss090 } ? .rss09x : .rss10
        case .channel:
            return .rss09x
        default:
            return nil
        }
    }

    mutating func parse(_ root: XMLElement, format: FeedFormat) -> RSSChannel {
        var channel = RSSChannel(format: format)
        let channelElement = root.name == .channel ? root : root.first(.channel, where: \.isRSSCore)
        channel.rootLanguage = channelElement?.language ?? root.language
        if let channelElement {
            read(channelElement, into: &channel)
        }
        // RSS 1.0 and 0.90 put items beside the channel; some RSS 2.0 feeds do too.
        var itemElements = channelElement?.all(.item, where: \.isRSSCore) ?? []
        if !(channelElement?.isSame(as: root) ?? false) {
            itemElements += root.all(.item, where: \.isRSSCore)
        }
        channel.items = itemElements.map { readItem($0) }
        return channel
    }

    private mutating func read(_ element: XMLElement, into channel: inout RSSChannel) {
        for case .element(let child) in element.children {
            switch (child.namespace, child.name) {
            case (.dc, .title): channel.dcTitle = child.htmlText
            case (.dc, .language): channel.dcLanguage = child.trimmedText
            case (.dc, .date): channel.dcDate = child.date(warnings: &warnings)
            case (.atom10, .link): if let link = AtomParser.link(child) { channel.atomLinks.append(link) }
            case (.atom10, .updated): channel.atomUpdated = child.date(warnings: &warnings)
            case (.itunes, .summary): channel.itunesSummary = child.htmlText
            case (.itunes, .subtitle): channel.itunesSubtitle = child.htmlText
            case (.syndication, _): readSyndication(child, into: &channel.pollHints)
            case (let ns, let name) where ns.isRSSCore:
                switch name {
                case .title: channel.title = child.htmlText
                case .link: channel.link = child.urlText ?? child.urlAttribute(.href) ?? channel.link
                case .description: channel.description = child.htmlText
                case .language: channel.language = child.trimmedText
                case .lastBuildDate: channel.lastBuildDate = child.date(warnings: &warnings)
                case .pubDate: channel.pubDate = child.date(warnings: &warnings)
                default: readPollHint(child, into: &channel.pollHints)
                }
            default: break
            }
        }
    }
}
