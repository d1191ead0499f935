extension RSSParser {
    mutating func readItem(_ element: XMLElement) -> RSSItem {
        var item = RSSItem()
        item.about = element.attribute(.about, namespace: .rdf)
        for case .element(let child) in element.children {
            switch child.namespace {
            case .content:
                if child.name == .encoded { item.contentEncoded = child.htmlText }
            case .dc, .dcterms:
                readDublinCore(child, into: &item)
            case .atom10:
                readAtom(child, into: &item)
            case .media:
                readMedia(child, into: &item.mediaContents)
            case .itunes:
                switch child.name {
                case .author: item.itunesAuthor = child.trimmedText
                case .summary: item.itunesSummary = child.htmlText
                case .keywords: item.itunesKeywords = child.trimmedText
                default: break
                }
            case let ns where ns.isRSSCore:
                readCore(child, into: &item)
            default:
                break
            }
        }
        return item
    }

    private mutating func readCore(_ child: XMLElement, into item: inout RSSItem) {
        switch child.name {
        case .title: item.title = child.htmlText
        // RSS allows one link; of several, the last one given wins, as in the common readers.
        case .link: item.link = child.urlText ?? child.urlAttribute(.href) ?? item.link
        case .description: item.description = child.htmlText
        case .guid:
            item.guid = child.trimmedText
            item.guidURL = child.urlText
            item.guidIsPermaLink = child.attribute(.isPermaLink)?.trimmingXMLWhitespace().lowercased() != "false"
        case .pubDate: item.pubDate = child.date(warnings: &warnings)
        case .author: if let a = child.trimmedText { item.authors.append(a) }
        case .category: if let c = child.trimmedText { item.categories.append(c) }
        case .enclosure:
            if let url = child.urlAttribute(.url) {
                item.enclosures.append(Enclosure(url: url, type: nonEmpty(child.attribute(.type)),
                                                 length: length(child.attribute(.length))))
            }
        default: break
        }
    }

    private mutating func readDublinCore(_ child: XMLElement, into item: inout RSSItem) {
        switch child.name {
        case .title: item.dcTitle = child.htmlText
        case .description: item.dcDescription = child.htmlText
        case .date: item.dcDate = child.date(warnings: &warnings) ?? item.dcDate
        case .modified: item.modified = child.date(warnings: &warnings)
        case .created, .issued: item.issued = child.date(warnings: &warnings) ?? item.issued
        case .creator: if let c = child.trimmedText { item.dcCreators.append(c) }
        case .author: if let a = child.trimmedText { item.dcAuthors.append(a) }
        case .subject: if let s = child.trimmedText { item.dcSubjects.append(s) }
        default: break
        }
    }

    private mutating func readAtom(_ child: XMLElement, into item: inout RSSItem) {
        switch child.name {
        case .link: if let link = AtomParser.link(child) { item.atomLinks.append(link) }
        case .updated: item.atomUpdated = child.date(warnings: &warnings)
        case .published: item.atomPublished = child.date(warnings: &warnings)
        case .summary: item.atomSummary = AtomParser.textConstruct(child)
        case .content: item.atomContent = AtomParser.textConstruct(child)
        case .author: if let a = AtomParser.person(child) { item.atomAuthors.append(a) }
        case .category:
            if let term = nonEmpty(child.attribute(.term)) ?? nonEmpty(child.attribute(.label)) {
                item.atomCategories.append(term)
            }
        default: break
        }
    }

    private func readMedia(_ child: XMLElement, into enclosures: inout [Enclosure]) {
        switch child.name {
        case .content:
            if let url = child.urlAttribute(.url) {
                enclosures.append(Enclosure(url: url, type: nonEmpty(child.attribute(.type)),
                                            length: length(child.attribute(.fileSize))))
            }
        case .group:
            for grandchild in child.elements where grandchild.namespace == .media {
                readMedia(grandchild, into: &enclosures)
            }
        default: break
        }
    }

    func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingXMLWhitespace(), !t.isEmpty else { return nil }
        return t
    }

    func length(_ s: String?) -> Int64? {
        guard let t = nonEmpty(s), let n = Int64(t), n >= 0 else { return nil }
        return n
    }
}
