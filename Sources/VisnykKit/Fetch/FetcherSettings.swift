/// Limits for a ``MultiFetcher``: the configuration's `concurrency` and `per_host`, and its
/// connect timeout (`VisnykConfig.connectTimeout`).
public struct FetcherSettings: Sendable {
    /// Transfers in flight, all hosts together; more wait their turn, first come first served.
    public var concurrency: Int
    /// Transfers in flight to one host (the URL's host name, whatever the port).
    public var perHost: Int
    /// Connecting (DNS, TCP, TLS) must finish within this, or within the request's timeout if shorter.
    public var connectTimeout: Duration

    public init(concurrency: Int = 32, perHost: Int = 2, connectTimeout: Duration = .seconds(15)) {
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
        self.connectTimeout = connectTimeout
    }
}
