/// The wire format a feed was written in, as named in the article contract.
public enum FeedFormat: String, Sendable, CaseIterable {
    case rss09x = "rss0.9x"
    case rss20 = "rss2.0"
    case rss10 = "rss1.0"
    case atom03 = "atom0.3"
    case atom10 = "atom1.0"
    case json10 = "json1.0"
    case json11 = "json1.1"
    case telegram
}
