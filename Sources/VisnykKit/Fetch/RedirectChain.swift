import CCurl

/// Follows the redirects of one ``FetchRequest``, hop by hop: the one redirect implementation,
/// shared by the blocking ``HTTPFetcher`` and the ``MultiFetcher``.
///
/// libcurl is told not to follow (`FOLLOWLOCATION` off), so every hop's status is known and
/// ``FetchResponse/isPermanentlyRedirected`` can tell 301/308 chains from 302/307 ones.
/// `Location` is resolved against the hop's URL (RFC 3986); targets that are not http(s)
/// are refused, a target already visited is a loop, and at most `FetchRequest.maxRedirects`
/// hops are followed. The request's timeout covers all hops together.
struct RedirectChain {
    enum Step {
        /// ``url`` now holds the next hop's URL: make its transfer and run it.
        case follow
        case done(Result<FetchResponse, FetchError>)
    }

    /// Statuses followed when they carry a `Location`; any other 3xx is a final response.
    static let redirectCodes: Set<Int> = [301, 302, 303, 307, 308]

    let request: FetchRequest
    let connectTimeout: Duration
    /// The URL of the current hop.
    private(set) var url: String
    /// The status of every hop followed so far.
    private(set) var statuses: [Int] = []
    private var visited: Set<String>
    /// Set when the first hop starts: time spent queued does not count against the timeout.
    private var deadline: ContinuousClock.Instant?

    init(request: FetchRequest, connectTimeout: Duration = FetchRequest.connectTimeout) {
        self.request = request
        self.connectTimeout = connectTimeout
        url = request.url
        visited = [request.url]
    }

    /// The transfer for the current hop, with what is left of the whole request's timeout.
    mutating func makeTransfer(now: ContinuousClock.Instant = .now) throws(FetchError) -> CurlTransfer {
        let deadline = self.deadline ?? now + request.timeout
        self.deadline = deadline
        let left = deadline - now
        guard left > .zero else {
            var failure = FetchError(url: request.url, kind: .timeout)
            failure.timeoutLimit = request.timeout
            throw failure
        }
        return try CurlTransfer(request, url: url, timeout: left, connectTimeout: connectTimeout)
    }

    /// Interprets a finished hop: the final outcome, or `.follow` to the next URL.
    mutating func step(_ transfer: CurlTransfer, code: CURLcode) -> Step {
        guard code == CURLE_OK else {
            var failure = transfer.error(for: code)
            if case .privateAddress = failure.kind, transfer.url != request.url { failure.redirectTarget = transfer.url }
            return .done(.failure(failure))
        }
        let status = transfer.status
        if Self.redirectCodes.contains(status), let location = transfer.location {
            return follow(location, status: status)
        }
        guard status >= 400 else {
            return .done(.success(transfer.response(status: status, redirectStatuses: statuses)))
        }
        return .done(.failure(transfer.httpError(status: status)))
    }

    private mutating func follow(_ location: String, status: Int) -> Step {
        let target = URLResolver.resolve(location, against: url)
        var failure = FetchError(url: request.url, kind: .unsupportedScheme)
        failure.redirectTarget = target
        guard Self.isHTTP(target) else { return .done(.failure(failure)) }
        guard statuses.count < FetchRequest.maxRedirects, visited.insert(target).inserted else {
            failure.kind = .tooManyRedirects(limit: FetchRequest.maxRedirects)
            return .done(.failure(failure))
        }
        statuses.append(status)
        url = target
        return .follow
    }

    /// True for absolute `http:` and `https:` URLs (scheme compared without case).
    static func isHTTP(_ url: String) -> Bool {
        let scheme = url.utf8.prefix { $0 != UInt8(ascii: ":") }
        guard scheme.count < url.utf8.count else { return false }
        let lowered = String(decoding: scheme.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        return lowered == "http" || lowered == "https"
    }
}
