import Foundation

/// What one digest message shows: the collector's output and the renderer's input.
public struct DigestContent: Sendable, Equatable {
    /// The digest's configured name.
    public var digest: String
    /// When the message is composed; dates in it are shown in `timeZone`.
    public var generatedAt: Date
    public var timeZone: TimeZone
    /// The articles covered were spooled after this (nil: no earlier delivery).
    public var since: Date?
    /// Non-empty groups, in config order of their sources.
    public var groups: [DigestSourceGroup]
    /// Sources failing or retired, for the footer.
    public var problems: [DigestSourceProblem]
    /// The queue positions this message covers: marked delivered when it is accepted.
    public var queueRange: ClosedRange<Int64>?

    public init(digest: String, generatedAt: Date, timeZone: TimeZone, since: Date?,
                groups: [DigestSourceGroup], problems: [DigestSourceProblem],
                queueRange: ClosedRange<Int64>?) {
        self.digest = digest
        self.generatedAt = generatedAt
        self.timeZone = timeZone
        self.since = since
        self.groups = groups
        self.problems = problems
        self.queueRange = queueRange
    }

    /// Articles shown (not counting those cut by max_per_source).
    public var articleCount: Int { groups.reduce(0) { $0 + $1.articles.count } }
    public var sourceCount: Int { groups.count }
    public var isEmpty: Bool { groups.isEmpty }
}

/// The articles of one source, newest first.
public struct DigestSourceGroup: Sendable, Equatable {
    public var source: String
    public var articles: [DigestArticle]
    /// Articles left out by max_per_source.
    public var omitted: Int

    public init(source: String, articles: [DigestArticle], omitted: Int = 0) {
        self.source = source
        self.articles = articles
        self.omitted = omitted
    }
}

/// One article as the digest shows it.
public struct DigestArticle: Sendable, Equatable {
    /// Its position in the digest queue.
    public var seq: Int64
    public var source: String
    /// Never empty: the feed's title, else the start of the text, else the link.
    public var title: String
    /// http(s) only; anything else is dropped by the collector.
    public var link: String?
    public var published: Date?
    public var spooledAt: Date
    /// Plain text cut to the digest's excerpt length at a word boundary ("…" when cut).
    public var excerpt: String
    /// Other sources that carried the same or a near-identical article.
    public var alsoIn: [String]

    public init(seq: Int64, source: String, title: String, link: String?, published: Date?,
                spooledAt: Date, excerpt: String, alsoIn: [String] = []) {
        self.seq = seq
        self.source = source
        self.title = title
        self.link = link
        self.published = published
        self.spooledAt = spooledAt
        self.excerpt = excerpt
        self.alsoIn = alsoIn
    }
}

/// A source the reader should know is not delivering.
public struct DigestSourceProblem: Sendable, Equatable {
    public var source: String
    /// Retired after 410 Gone: no longer polled.
    public var retired: Bool
    /// Failing since (nil when retired or unknown).
    public var since: Date?
    /// Plain words: the last error.
    public var reason: String

    public init(source: String, retired: Bool, since: Date?, reason: String) {
        self.source = source
        self.retired = retired
        self.since = since
        self.reason = reason
    }
}
