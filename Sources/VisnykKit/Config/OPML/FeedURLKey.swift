/// Feed URLs compared the way a person would: scheme and host without regard to case, a
/// default port the same as none, a trailing slash and a fragment ignored.
enum FeedURLKey {
    static func key(_ url: String) -> String {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard let separator = rest.range(of: "://") else { return String(rest) }
        let scheme = rest[..<separator.lowerBound].lowercased()
        rest = rest[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd].lowercased()
        if (scheme == "http" && authority.hasSuffix(":80")) || (scheme == "https" && authority.hasSuffix(":443")),
           let colon = authority.lastIndex(of: ":") {
            authority = String(authority[..<colon])
        }
        var path = rest[authorityEnd...]
        var query: Substring = ""
        if let question = path.firstIndex(of: "?") {
            query = path[question...]
            path = path[..<question]
        }
        while path.hasSuffix("/") { path = path.dropLast() }
        return scheme + "://" + authority + path + query
    }

    static func key(_ location: SourceLocation) -> String? {
        switch location {
        case .url(let url): return key(url)
        case .telegram(let channel): return "telegram:" + channel.lowercased()
        case .file: return nil
        }
    }
}
