/// One feed outline of an OPML file, as `visnyk sources import` reads it.
public struct OPMLFeed: Sendable, Equatable {
    /// The outline's `title`, else its `text`, with white space collapsed; nil when it has
    /// neither (the source is then named after the URL's host).
    public var title: String?
    /// `url` for a feed; `telegram` for a t.me channel (`type="telegram"` or a t.me URL).
    public var location: SourceLocation
    /// The outline's `category` paths and the titles of the folders around it, in that
    /// order: enclosing folders outermost first, then the categories; each once.
    public var tags: [String]
    /// The line of the outline in the OPML file, for messages.
    public var line: Int

    public init(title: String?, location: SourceLocation, tags: [String] = [], line: Int = 0) {
        self.title = title
        self.location = location
        self.tags = tags
        self.line = line
    }
}

/// An outline of an OPML file that was not imported, and why, in plain words.
public struct OPMLSkippedOutline: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var title: String?
    public var reason: String

    public init(line: Int, title: String?, reason: String) {
        self.line = line
        self.title = title
        self.reason = reason
    }

    public var description: String {
        "line \(line)" + (title.map { " (\"\($0)\")" } ?? "") + ": \(reason)"
    }
}
