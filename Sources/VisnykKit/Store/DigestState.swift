import Foundation

/// What Visnyk remembers about one configured digest between runs and restarts.
public struct DigestState: Sendable, Equatable {
    /// The configured digest name (the primary key).
    public var name: String
    /// The last queue seq covered by a delivered message: the next message shows what came after.
    public var cursor: Int64
    /// The scheduled instant the last delivery covered.
    public var lastSlot: Date?
    public var lastDeliveredAt: Date?
    public var lastMessageID: String?
    public var lastArticleCount: Int
    public var deliveries: Int
    /// Consecutive failed attempts since the last delivery.
    public var failures: Int
    public var failingSince: Date?
    /// Plain words; nil after a delivery.
    public var lastError: String?
    /// A retry is pending at this instant.
    public var nextAttemptAt: Date?

    public init(name: String, cursor: Int64) {
        self.name = name
        self.cursor = cursor
        lastArticleCount = 0
        deliveries = 0
        failures = 0
    }
}
