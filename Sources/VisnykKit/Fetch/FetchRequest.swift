/// One URL to fetch, with the limits and conditional-GET validators that go with it.
public struct FetchRequest: Sendable {
    /// The default User-Agent: the program, its version and a contact URL.
    public static let defaultUserAgent = VisnykVersion.userAgent(contactURL: VisnykVersion.homepage)
    /// The default body cap: 64 MiB.
    public static let defaultMaxSize = 64 << 20
    /// Connecting (DNS, TCP, TLS) must finish within this, or within `timeout` if shorter.
    public static let connectTimeout: Duration = .seconds(15)
    /// Redirects followed before giving up.
    public static let maxRedirects = 5

    /// An `http` or `https` URL; other schemes are refused.
    public var url: String
    public var userAgent: String
    /// The whole transfer, from connecting to the last body byte.
    public var timeout: Duration
    /// Bodies larger than this many bytes (after decompression) are refused.
    public var maxSize: Int
    /// Sent back verbatim as `If-None-Match`.
    public var etag: String?
    /// Sent back verbatim as `If-Modified-Since`.
    public var lastModified: String?
    /// False: refuse to connect to loopback, private, link-local and other non-public
    /// addresses, for this URL and every redirect (the config's `allow_private_networks`).
    public var allowsPrivateNetworks: Bool
    /// A PEM file of the certificate authorities to trust for https instead of the system's.
    public var caFile: String?

    public init(
        url: String,
        userAgent: String = FetchRequest.defaultUserAgent,
        timeout: Duration = .seconds(60),
        maxSize: Int = FetchRequest.defaultMaxSize,
        etag: String? = nil,
        lastModified: String? = nil,
        allowsPrivateNetworks: Bool = true
    ) {
        self.url = url
        self.userAgent = userAgent
        self.timeout = timeout
        self.maxSize = maxSize
        self.etag = etag
        self.lastModified = lastModified
        self.allowsPrivateNetworks = allowsPrivateNetworks
    }
}
