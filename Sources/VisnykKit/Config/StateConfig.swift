/// Where the state lives (`[state]`): the embedded SQLite file in `state_dir` (the default), or
/// a PostgreSQL database that several daemons share and split the work on.
public struct StateConfig: Sendable, Equatable {
    public enum Backend: String, Sendable, Equatable {
        case sqlite
        case postgres
    }

    public var backend: Backend = .sqlite
    /// `postgres://user@host:port/database` (never with a password); required for postgres.
    public var url: String?
    /// A file holding the database password (first line).
    public var passwordFile: String?
    /// The password's name in `$CREDENTIALS_DIRECTORY` (systemd LoadCredential=).
    public var credential: String = "postgres-password"
    /// This daemon's id in the cluster; nil: `hostname:pid`.
    public var node: String?
    /// How long a claimed source stays this node's without renewal: after a crash, the
    /// others poll its sources once this has passed.
    public var lease: Duration = StateConfig.defaultLease
    /// The line of the `[state]` header, for messages.
    public var line: Int = 0

    public static let defaultLease: Duration = .seconds(60)

    public init() {}
}
