/// The final response of a fetch, after redirects. A 304 Not Modified arrives here too,
/// with an empty body; statuses of 400 and above are thrown as ``FetchError`` instead.
public struct FetchResponse: Sendable {
    public var status: Int
    /// The body, decompressed when the server used a content coding.
    public var body: [UInt8]
    public var contentType: String?
    /// The URL that answered, after redirects.
    public var effectiveURL: String
    /// The validators to send on the next poll, exactly as the server sent them.
    public var etag: String?
    public var lastModified: String?
    /// The final response's header fields in arrival order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The status of each redirect hop followed, in order (empty when none was).
    public var redirectStatuses: [Int]

    public init(
        status: Int,
        body: [UInt8],
        contentType: String? = nil,
        effectiveURL: String,
        etag: String? = nil,
        lastModified: String? = nil,
        headers: [(name: String, value: String)] = [],
        redirectStatuses: [Int] = []
    ) {
        self.status = status
        self.body = body
        self.contentType = contentType
        self.effectiveURL = effectiveURL
        self.etag = etag
        self.lastModified = lastModified
        self.headers = headers
        self.redirectStatuses = redirectStatuses
    }

    /// True for 304: nothing changed since the validators were issued.
    public var isNotModified: Bool { status == 304 }

    /// True when at least one redirect was followed and every hop was permanent (301 or 308),
    /// so a stored feed URL may be rewritten to ``effectiveURL``.
    public var isPermanentlyRedirected: Bool {
        !redirectStatuses.isEmpty && redirectStatuses.allSatisfy { $0 == 301 || $0 == 308 }
    }

    /// The value of the last header field with this name, compared without regard to ASCII case.
    public func header(_ name: String) -> String? {
        HTTPHeaderName.lastValue(of: name, in: headers)
    }
}
