import Foundation

/// One digest message the mail server accepted: an entry of the delivery log.
public struct DigestDelivery: Sendable, Equatable {
    public var digest: String
    public var sentAt: Date
    /// Without angle brackets.
    public var messageID: String
    public var recipients: [String]
    /// The scheduled instant the message covers; nil for one sent by hand.
    public var slot: Date?
    /// The queue positions the message covered; recording the delivery moves the digest's
    /// cursor to the upper bound (never backwards). nil: nothing was queued.
    public var queueRange: ClosedRange<Int64>?
    /// The seqs of the articles shown in the message.
    public var shown: [Int64]

    public init(digest: String, sentAt: Date, messageID: String, recipients: [String], slot: Date?,
                queueRange: ClosedRange<Int64>?, shown: [Int64]) {
        self.digest = digest
        self.sentAt = sentAt
        self.messageID = messageID
        self.recipients = recipients
        self.slot = slot
        self.queueRange = queueRange
        self.shown = shown
    }
}
