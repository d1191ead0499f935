/// One `[[source]]` table of the configuration.
public struct SourceConfig: Sendable, Equatable {
    /// Unique among the sources; the key of the source's state.
    public var name: String
    public var location: SourceLocation
    /// nil: the global interval.
    public var interval: Duration?
    public var tags: [String]
    /// Boilerplate strip patterns as written: literal text, or "/regex/" ("/regex/i").
    public var strip: [String]
    /// Article filters as written (literal text or "/regex/"): an article that matches no
    /// include (when there are any) or any exclude is recorded as seen but not spooled.
    public var include: [String]
    public var exclude: [String]
    public var dedup: DedupScope
    public var enabled: Bool
    /// Fetch each new article's own page and keep its main text instead of the feed's.
    public var fullText: Bool
    /// Names the page's article container for `fullText`, instead of the scorer's guess.
    public var contentSelector: ContentSelector?
    /// The line of its `[[source]]` header, for messages.
    public var line: Int

    public init(
        name: String,
        location: SourceLocation,
        interval: Duration? = nil,
        tags: [String] = [],
        strip: [String] = [],
        include: [String] = [],
        exclude: [String] = [],
        dedup: DedupScope = .global,
        enabled: Bool = true,
        fullText: Bool = false,
        contentSelector: ContentSelector? = nil,
        line: Int = 0
    ) {
        self.name = name
        self.location = location
        self.interval = interval
        self.tags = tags
        self.strip = strip
        self.include = include
        self.exclude = exclude
        self.dedup = dedup
        self.enabled = enabled
        self.fullText = fullText
        self.contentSelector = contentSelector
        self.line = line
    }
}
