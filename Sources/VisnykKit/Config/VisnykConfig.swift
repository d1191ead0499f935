/// The daemon's configuration, read from one TOML file by `ConfigLoader` (DESIGN.md,
/// "Configuration"). Paths are absolute; durations and sizes are already parsed.
public struct VisnykConfig: Sendable, Equatable {
    /// The absolute path of the file read.
    public var path: String
    /// The SQLite state directory (absolute; relative paths in the file are relative to it).
    public var stateDir: String
    /// The Maildir-style spool directory (absolute).
    public var spoolDir: String
    public var spoolFormat: SpoolFormat
    /// The contact URL named in the User-Agent.
    public var userAgentURL: String
    /// The default poll interval.
    public var interval: Duration
    /// No source is polled more often than this, whatever the feed or the server asks.
    public var minInterval: Duration
    /// Transfers in flight, all hosts together.
    public var concurrency: Int
    /// Transfers in flight per host.
    public var perHost: Int
    /// The whole transfer, from connecting to the last body byte.
    public var timeout: Duration
    public var connectTimeout: Duration
    /// Bodies larger than this many bytes (after decompression) are refused.
    public var maxDownloadSize: Int
    /// How long seen content hashes are kept.
    public var retention: Duration
    /// The cap of the exponential backoff after failures.
    public var maxBackoff: Duration
    /// Whether feeds, pages and redirects may lead to loopback, private and link-local
    /// addresses (default false: a feed must not make Visnyk fetch inside the network).
    public var allowPrivateNetworks: Bool
    /// The certificate authorities to trust for https feeds and pages instead of the
    /// system's (a PEM file); nil: the system's.
    public var caFile: String?
    /// Where `visnyk run` serves Prometheus metrics; nil: nowhere (the default).
    public var metrics: MetricsAddress?
    /// What becomes of a new article telling a story an earlier one told within 72 hours.
    public var nearDuplicates: NearDuplicateMode
    public var sources: [SourceConfig]
    public var digests: [DigestConfig]
    /// nil: no `[mail]` table (then there may be no digests).
    public var mail: MailConfig?
    /// Where the state lives: SQLite in `stateDir` (the default) or a shared PostgreSQL.
    public var state = StateConfig()

    /// `visnyk/VERSION (+userAgentURL)`.
    public var userAgent: String {
        VisnykVersion.userAgent(contactURL: userAgentURL)
    }

    /// A configuration with every default and no sources.
    public init(path: String) {
        self.path = path
        stateDir = Defaults.stateDir
        spoolDir = Defaults.spoolDir
        spoolFormat = .json
        userAgentURL = Defaults.userAgentURL
        interval = Defaults.interval
        minInterval = Defaults.minInterval
        concurrency = Defaults.concurrency
        perHost = Defaults.perHost
        timeout = Defaults.timeout
        connectTimeout = Defaults.connectTimeout
        maxDownloadSize = Defaults.maxDownloadSize
        retention = Defaults.retention
        maxBackoff = Defaults.maxBackoff
        allowPrivateNetworks = false
        nearDuplicates = Defaults.nearDuplicates
        sources = []
        digests = []
        mail = nil
    }

    /// The values used for keys the file leaves out.
    public enum Defaults {
        public static let path = "/etc/visnyk/visnyk.toml"
        public static let stateDir = "/var/lib/visnyk"
        public static let spoolDir = "/var/spool/visnyk"
        public static let userAgentURL = VisnykVersion.homepage
        public static let interval: Duration = .seconds(30 * 60)
        public static let minInterval: Duration = .seconds(5 * 60)
        public static let concurrency = 32
        public static let perHost = 2
        public static let timeout: Duration = .seconds(60)
        public static let connectTimeout: Duration = .seconds(15)
        public static let maxDownloadSize = 16 << 20
        public static let retention: Duration = .seconds(90 * 86_400)
        public static let maxBackoff: Duration = .seconds(24 * 3_600)
        public static let nearDuplicates = NearDuplicateMode.mark
    }

    /// The source's own interval, or the global one.
    public func interval(of source: SourceConfig) -> Duration {
        source.interval ?? interval
    }
}
