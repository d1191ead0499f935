/// Namespace URIs of the feed formats and the extensions people use.
enum Namespace {
    static let none = ""
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let media = "http://search.yahoo.com/mrss/"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let googlePlay = "http://www.google.com/schemas/play-podcasts/1.0"
    static let syndication = "http://purl.org/rss/1.0/modules/syndication/"

    /// Namespaces written in the wild with a different spelling, mapped to the canonical URI.
    static func canonical(_ uri: String) -> String {
        switch uri {
        case atom10, dc, content, media, itunes, rdf, rss10, xhtml: return uri
        case "http://channel.netscape.com/rdf/simple/0.9/": return rss090
        case "http://search.yahoo.com/mrss", "https://search.yahoo.com/mrss/": return media
        case "http://purl.org/dc/elements/1.0/", "http://purl.org/dc/elements/1.1": return dc
        case "http://www.itunes.com/DTDs/Podcast-1.0.dtd", "https://www.itunes.com/dtds/podcast-1.0.dtd": return itunes
        case "http://purl.org/rss/1.0/modules/content": return content
        case "http://www.w3.org/2005/Atom/", "https://www.w3.org/2005/Atom": return atom10
        case "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss": return none
        default:
            let lower = uri.lowercased()
            return lower != uri && [itunes, media, dc, content, atom10].contains(lower) ? lower : uri
        }
    }

    /// The namespace an undeclared prefix almost certainly meant (feeds forget xmlns:dc).
    static func forUndeclaredPrefix(_ prefix: String) -> String? {
        switch prefix {
        case "dc": return dc
        case "dcterms": return dcterms
        case "content": return content
        case "media": return media
        case "itunes": return itunes
        case "atom", "atom10": return atom10
        case "rdf": return rdf
        case "xml": return xml
        case "sy": return syndication
        default: return nil
        }
    }
}
