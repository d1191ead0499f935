/// Why a document could not be read as a feed, naming the input and what to do.
public struct FeedParseError: Error, CustomStringConvertible, Sendable {
    public enum Reason: Error, Sendable, Equatable {
        case tooLarge(bytes: Int, limit: Int)
        case empty
        case malformedXML(line: Int, message: String)
        case malformedJSON(String)
        case notAFeed(String)
        case undecodable(String)
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
        }
    }
}
