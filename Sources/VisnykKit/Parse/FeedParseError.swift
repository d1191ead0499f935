/// Why a document could not be read as a feed, naming the input and what to do.
public struct FeedParseError: Error, CustomStringConvertible, Sendable {
    public enum Reason: Error, Sendable, Equatable {
        case tooLarge(bytes: Int, limit: Int)
        case empty
        case malformedXML(line: Int, message: String)
        case malformedJSON(String)
        case notAFeed(String)
        case undecodable(String)
        /// A Telegram page without the channel history: previews are off for the channel, or
        /// it is not a public channel.
        case telegramPreviewUnavailable(channel: String?)
        /// A Telegram channel page whose history holds no posts.
        case telegramNoMessages(channel: String?)
    }

    /// The file name or URL the document came from.
    public var input: String
    public var reason: Reason

    public init(input: String, reason: Reason) {
        self.input = input
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .tooLarge(let bytes, let limit):
            return "\(input): the document is \(bytes / (1 << 20)) MiB, over the \(limit >> 20) MiB limit; "
                + "this is not a feed anyone should serve — check the URL"
        case .empty:
            return "\(input): the document is empty; check the URL or file"
        case .malformedXML(let line, let message):
            return "\(input):\(line): not well-formed XML even in recovery mode (\(message)); "
                + "the publisher's feed is broken — check it with a validator"
        case .malformedJSON(let message):
            return "\(input): not valid JSON (\(message)); the publisher's feed is broken"
        case .notAFeed(let why):
            return "\(input): \(why); give the URL of the feed itself (RSS, Atom or JSON Feed)"
        case .undecodable(let why):
            return "\(input): \(why)"
        case .telegramPreviewUnavailable(let channel):
            return "\(input): Telegram shows no posts of \(channel.map { "the channel @" + $0 } ?? "this channel") on the web: "
                + "its owner turned the web preview off, or it is not a public channel; it cannot be followed without the app"
        case .telegramNoMessages(let channel):
            return "\(input): \(channel.map { "the Telegram channel @" + $0 } ?? "the Telegram channel") has no posts to show yet"
        }
    }
}
