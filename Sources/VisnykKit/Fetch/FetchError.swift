/// Why a fetch failed, with the URL it was for. `description` is a plain sentence for the user
/// that names the URL and says what to do.
public struct FetchError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The body passed the size cap, in bytes.
        case tooLarge(limit: Int)
        /// The final response had status 400 or above.
        case http(status: Int)
        /// libcurl failed: its `CURLcode` and the message from `CURLOPT_ERRORBUFFER`.
        case transport(code: Int, message: String)
        /// The URL, or a redirect it led to, is not http or https.
        case unsupportedScheme
        /// The whole transfer did not finish within the request's timeout.
        case timeout
        /// More redirects than the limit, or a redirect back to a URL already visited (a loop).
        case tooManyRedirects(limit: Int)
        /// The caller's task was cancelled, or the fetcher shut down, before the fetch ended.
        case cancelled
        /// The host (or a redirect target) resolved only to this loopback, private or link-local
        /// address, and the request does not allow private networks.
        case privateAddress(String)
    }

    /// The URL that was requested (not the redirect target).
    public var url: String
    public var kind: Kind
    /// For 429 and 503 responses: how long the server asked us to wait, when it said so.
    public var retryAfter: Duration?
    /// For redirect failures: the (resolved) target that was refused or already visited.
    public var redirectTarget: String?
    /// The request's timeout, for the `.timeout` message.
    var timeoutLimit: Duration?

    public init(url: String, kind: Kind, retryAfter: Duration? = nil) {
        self.url = url
        self.kind = kind
        self.retryAfter = retryAfter
    }

    /// The HTTP status for `.http` errors, else nil.
    public var status: Int? {
        if case .http(let status) = kind { return status }
        return nil
    }
}
