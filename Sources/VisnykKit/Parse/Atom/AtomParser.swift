/// Reads an Atom 1.0 (RFC 4287) or Atom 0.3 document tree into wire types.
struct AtomParser {
    var warnings: [String] = []

    static func format(of root: XMLElement) -> FeedFormat? {
        guard root.name == .feed else { return nil }
        if root.namespace == .atom03 { return .atom03 }
        if root.namespace == .atom10 { return .atom10 }
        return root.attribute(.version)?.trimmingXMLWhitespace() == "0.3" ? .atom03 : .atom10
    }

    mutating func parse(_ root: XMLElement, format: FeedFormat) -> AtomFeed {
        var feed = AtomFeed(format: format)
        feed.language = root.language
        for case .element(let child) in root.children where child.namespace.isAtomCore {
            switch child.name {
            case .title: feed.title = Self.textConstruct(child)
            case .subtitle, .tagline: feed.subtitle = Self.textConstruct(child)
            case .link: if let link = Self.link(child) { feed.links.append(link) }
            case .updated: feed.updated = child.date(warnings: &warnings)
            case .modified: feed.updated = feed.updated ?? child.date(warnings: &warnings)
            case .author: if let person = Self.person(child) { feed.authors.append(person) }
            case .entry: feed.entries.append(entry(child))
            default: break
            }
        }
        return feed
    }

    private mutating func entry(_ element: XMLElement) -> AtomEntry {
        var entry = AtomEntry()
        for case .element(let child) in element.children where child.namespace.isAtomCore {
            switch child.name {
            case .id: entry.id = child.trimmedText.map { URLResolver.isAbsolute($0) ? $0 : URLResolver.resolve($0, against: child.base) }
            case .title: entry.title = Self.textConstruct(child)
            case .link: if let link = Self.link(child) { entry.links.append(link) }
            case .published, .issued: entry.published = entry.published ?? child.date(warnings: &warnings)
            case .created: if entry.published == nil { entry.published = child.date(warnings: &warnings) }
            case .updated, .modified: entry.updated = entry.updated ?? child.date(warnings: &warnings)
            case .author: if let person = Self.person(child) { entry.authors.append(person) }
            case .summary: entry.summary = Self.textConstruct(child)
            case .content: entry.content = Self.textConstruct(child)
            case .category:
                let term = child.attribute(.term)?.trimmingXMLWhitespace() ?? ""
                let label = child.attribute(.label)?.trimmingXMLWhitespace() ?? ""
                let text = child.trimmedText ?? ""
                if let value = [term, label, text].first(where: { !$0.isEmpty }) { entry.categories.append(value) }
            case .source:
                entry.sourceAuthors = child.all(.author, where: \.isAtomCore).compactMap(Self.person)
            default: break
            }
        }
        return entry
    }

    static func link(_ element: XMLElement) -> AtomLink? {
        guard let href = element.urlAttribute(.href) ?? emptyReference(element)
            ?? (element.trimmedText.map { URLResolver.resolve($0, against: element.base) })
        else { return nil }
        // Relation names compare case-insensitively (RFC 8288 §2.1.1); IANA's URI form is the same name.
        var rel = element.attribute(.rel)?.trimmingXMLWhitespace().lowercased() ?? "alternate"
        if rel.isEmpty { rel = "alternate" }
        if rel.hasPrefix("http://www.iana.org/assignments/relation/") {
            rel = String(rel.dropFirst("http://www.iana.org/assignments/relation/".count))
        }
        let length = element.attribute(.length).flatMap { Int64($0.trimmingXMLWhitespace()) }
        return AtomLink(href: href, rel: rel, type: element.attribute(.type), length: length)
    }

    /// `href=""` is a reference to the base itself (RFC 3986 §5.4).
    private static func emptyReference(_ element: XMLElement) -> String? {
        guard let href = element.attribute(.href), href.trimmingXMLWhitespace().isEmpty else { return nil }
        return element.base
    }

    static func person(_ element: XMLElement) -> Author? {
        var person = Author()
        for case .element(let child) in element.children where child.namespace.isAtomCore {
            switch child.name {
            case .name: person.name = child.trimmedText
            case .email: person.email = child.trimmedText
            case .uri, .url, .homepage: person.uri = child.urlText
            default: break
            }
        }
        if person.isEmpty, !element.hasElementChildren, let text = element.trimmedText {
            return PersonText.parse(text)
        }
        return person.isEmpty ? nil : person
    }
}
