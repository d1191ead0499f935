import Foundation

/// What Visnyk remembers about one configured source between polls and restarts.
public struct SourceState: Sendable, Equatable {
    /// The configured source name (the primary key).
    public var name: String
    /// Where the feed lives now after 301/308 relinks; nil means the configured URL.
    public var currentURL: String?
    /// The validators of the last 200 response, echoed verbatim in the next conditional GET.
    public var etag: String?
    public var lastModified: String?
    public var nextPollAt: Date?
    public var lastPollAt: Date?
    public var lastSuccessAt: Date?
    /// HTTP status of the last poll; nil for file sources and transport errors.
    public var lastStatus: Int?
    /// Plain words; nil after a success.
    public var lastError: String?
    /// What the parser repaired in the last document read (recovery mode, bad dates), in plain
    /// words; nil when the last document was clean.
    public var lastWarning: String?
    public var consecutiveFailures: Int
    public var failingSince: Date?
    /// 410 Gone: the source is no longer polled.
    public var retired: Bool
    public var newCount: Int
    public var duplicateCount: Int
    public var updateCount: Int
    public var pollCount: Int
    public var notModifiedCount: Int
    /// Telegram sources: the newest post id read so far; after a gap the channel is read
    /// back with `?before=` down to it.
    public var telegramLastPost: Int?

    public init(name: String) {
        self.name = name
        consecutiveFailures = 0
        retired = false
        newCount = 0
        duplicateCount = 0
        updateCount = 0
        pollCount = 0
        notModifiedCount = 0
    }
}
