import Foundation

/// What one scheduled or manual delivery of a digest came to.
public enum DigestAttempt: Sendable, Equatable {
    /// The server (or sendmail, or the maildir) accepted the message; its articles are marked.
    case sent(messageID: String, articles: Int, sources: Int, recipients: [String])
    /// Nothing new and `send_empty` is off: no message, the digest's cursor moved on.
    case nothingNew
    /// Not accepted; nothing is marked, and the next attempt is at `retryAt`.
    case failed(reason: String, retryAt: Date)
    /// Another visnyk process is delivering digests right now; nothing was done or recorded.
    case busy

    /// One line for the log and the terminal.
    public func summary(digest: String) -> String {
        switch self {
        case let .sent(messageID, articles, sources, recipients):
            let what = articles == 1 ? "1 article" : "\(articles) articles"
            let from = sources == 1 ? "1 source" : "\(sources) sources"
            return "digest \"\(digest)\": sent \(what) from \(from) to \(recipients.joined(separator: ", ")) (Message-ID <\(messageID)>)"
        case .nothingNew:
            return "digest \"\(digest)\": nothing new, no message sent (send_empty = true sends one anyway)"
        case .busy:
            return "digest \"\(digest)\": another visnyk is delivering digests right now; nothing sent, try again in a minute"
        case let .failed(reason, retryAt):
            return "digest \"\(digest)\": not delivered, nothing marked; next attempt at \(retryAt.formatted(.iso8601)): \(reason)"
        }
    }
}
