/// What makes two queued articles from different sources the same story for a digest: the
/// same content hash (each source deduplicating on its own), the same link, or the same
/// normalized title.
enum NearDuplicateKey: Hashable, Sendable {
    case hash(String)
    case link(String)
    case title(String)

    /// Shorter titles ("Фото", "Новини дня") are too generic to say two articles are one.
    static let minimumTitleCharacters = 16

    static func keys(contentHash: String, link: String?, title: String?) -> [NearDuplicateKey] {
        var keys: [NearDuplicateKey] = [.hash(contentHash)]
        if let link, let key = linkKey(link) { keys.append(.link(key)) }
        if let title {
            let normalized = TextNormalizer.normalize(title)
            if normalized.count >= minimumTitleCharacters && normalized.contains(" ") {
                keys.append(.title(normalized))
            }
        }
        return keys
    }

    /// The link without its scheme (http and https lead to the same page), fragment and
    /// trailing slash, its host in lower case.
    static func linkKey(_ link: String) -> String? {
        guard let schemeEnd = link.range(of: "://") else { return nil }
        var rest = Substring(link[schemeEnd.upperBound...])
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let host = rest[..<hostEnd].lowercased()
        var path = rest[hostEnd...]
        while path.hasSuffix("/") { path = path.dropLast() }
        guard !host.isEmpty else { return nil }
        return host + path
    }
}
