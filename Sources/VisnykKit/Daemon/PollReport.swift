import Foundation

/// What one poll of one source came to, for logs, the progress line and `visnyk poll`.
public struct PollReport: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The feed was read; `accepted` says what became of its entries.
        case fetched(AcceptOutcome)
        /// 304, or a file source whose file did not change.
        case notModified
        /// The poll failed; the message is in plain words and names the source's URL or file.
        case failed(String)
        /// 410 Gone: the source is no longer polled.
        case retired(String)
    }

    public var source: String
    public var outcome: Outcome
    /// The HTTP status of the final response, when there was one.
    public var status: Int?
    /// Set when a chain of permanent redirects moved the feed: the URL now stored.
    public var relinkedTo: String?
    /// Problems the parser repaired (recovery mode, bad dates), already naming the input.
    public var warnings: [String]
    /// Entries the source's include / exclude filters kept out of the spool (recorded as seen).
    public var filtered: Int = 0
    /// When the source is due again.
    public var nextPollAt: Date
    /// A 429 or 503 asked us to wait this long; the scheduler pauses the whole host.
    public var retryAfter: Duration?
    /// The bytes of the document read (after decompression); 0 when nothing was read.
    public var bytes = 0
    /// The document arrived but could not be parsed.
    public var parseFailed = false
    /// How late the poll started after it was due (set by the scheduler).
    public var schedulerLag: Duration?

    public init(source: String, outcome: Outcome, status: Int? = nil, relinkedTo: String? = nil,
                warnings: [String] = [], nextPollAt: Date, retryAfter: Duration? = nil) {
        self.source = source
        self.outcome = outcome
        self.status = status
        self.relinkedTo = relinkedTo
        self.warnings = warnings
        self.nextPollAt = nextPollAt
        self.retryAfter = retryAfter
    }

    public var isFailure: Bool {
        if case .failed = outcome { return true }
        return false
    }

    /// One line for logs and `visnyk poll`: "Leopolis.news: 3 new, 1 update, 12 seen (200)".
    public var summary: String {
        switch outcome {
        case .fetched(let accepted):
            var parts = ["\(accepted.new) new"]
            if accepted.updates > 0 { parts.append("\(accepted.updates) updated") }
            if accepted.nearDuplicates > 0 {
                parts.append("\(accepted.nearDuplicates) near-duplicate\(accepted.nearDuplicates == 1 ? "" : "s")")
            }
            parts.append("\(accepted.duplicates) seen")
            if filtered > 0 { parts.append("\(filtered) filtered") }
            let status = status.map { " (HTTP \($0))" } ?? ""
            return "\(source): " + parts.joined(separator: ", ") + status
        case .notModified:
            return "\(source): not modified" + (status.map { " (HTTP \($0))" } ?? "")
        case .failed(let message):
            return "\(source): \(message)"
        case .retired(let message):
            return "\(source): retired: \(message)"
        }
    }
}
