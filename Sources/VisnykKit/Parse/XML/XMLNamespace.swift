/// A canonical namespace URI (see `Namespace.canonical`) as a small id: the namespaces feed
/// adapters read have fixed ids; others, and undeclared prefixes, get ids per document.
struct XMLNamespace: Hashable {
    let id: UInt32

    /// Every fixed-id namespace URI, in id order.
    static let known: [String] = [
        Namespace.none, Namespace.xml, Namespace.xhtml, Namespace.atom10, Namespace.atom03, Namespace.rss10,
        Namespace.rss090, Namespace.rdf, Namespace.content, Namespace.dc, Namespace.dcterms, Namespace.media,
        Namespace.itunes, Namespace.googlePlay, Namespace.syndication,
    ]

    static let knownIDs: [String: UInt32] = {
        var ids: [String: UInt32] = [:]
        for (index, uri) in known.enumerated() { ids[uri] = UInt32(index) }
        return ids
    }()

    static let none = XMLNamespace(id: 0)
    static let xml = XMLNamespace(id: 1)
    static let xhtml = XMLNamespace(id: 2)
    static let atom10 = XMLNamespace(id: 3)
    static let atom03 = XMLNamespace(id: 4)
    static let rss10 = XMLNamespace(id: 5)
    static let rss090 = XMLNamespace(id: 6)
    static let rdf = XMLNamespace(id: 7)
    static let content = XMLNamespace(id: 8)
    static let dc = XMLNamespace(id: 9)
    static let dcterms = XMLNamespace(id: 10)
    static let media = XMLNamespace(id: 11)
    static let itunes = XMLNamespace(id: 12)
    static let googlePlay = XMLNamespace(id: 13)
    static let syndication = XMLNamespace(id: 14)

    /// RSS elements: no namespace in 0.9x/2.0, their own in RSS 1.0 and 0.90.
    var isRSSCore: Bool { self == .none || self == .rss10 || self == .rss090 }
    /// Atom elements: either Atom namespace, or none (feeds forget xmlns).
    var isAtomCore: Bool { self == .atom10 || self == .atom03 || self == .none }
}
