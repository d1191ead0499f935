import Foundation
import PostgresNIO

/// The state in a PostgreSQL database that several daemons share (`[state] backend =
/// "postgres"`): the same tables as the SQLite store, plus the cluster's (leases on sources,
/// nodes' heartbeats, host pauses). Recording a content hash is the cluster's single point of
/// truth: a unique key and `ON CONFLICT DO NOTHING`, so only one node spools an article.
///
/// Source states are written at once (not batched as with SQLite): another node may claim the
/// source as soon as its lease is released, and must then read the validators and next poll
/// time this node wrote.
public final class PostgresStateStore: Sendable {
    let session: PostgresSession
    public let location: String
    let coordinator: PostgresCluster

    /// Connects, migrates the schema (under an advisory lock: nodes starting together migrate
    /// once) and joins the cluster as `node`.
    public init(config: StateConfig, password: String?, connections: Int = 4) throws(StoreError) {
        guard let text = config.url, case .success(let url) = PostgresURL.parse(text) else {
            throw StoreError(kind: .cannotOpen, path: config.url ?? "[state] url",
                             detail: "no usable postgres:// url: add url = \"postgres://visnyk@db.example.org:5432/visnyk\" to [state]")
        }
        location = url.display
        session = try PostgresSession(url: url, password: password, connections: connections)
        try PostgresSchema.migrate(session)
        coordinator = PostgresCluster(session: session, nodeID: config.node ?? PostgresCluster.defaultNodeID(),
                                      leaseDuration: config.lease)
    }

    public var cluster: (any ClusterCoordinator)? { coordinator }

    /// Reads the password as `visnyk run` does: `password_file`, else
    /// `$CREDENTIALS_DIRECTORY/<credential>`, else none (trust or peer authentication).
    public static func password(for config: StateConfig,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> String? {
        var candidates: [String] = []
        if let file = config.passwordFile { candidates.append(file) }
        if let directory = environment["CREDENTIALS_DIRECTORY"] {
            candidates.append((directory as NSString).appendingPathComponent(config.credential))
        }
        for (position, file) in candidates.enumerated() {
            guard let data = FileManager.default.contents(atPath: file) else {
                if position == 0, config.passwordFile != nil {
                    throw StoreError(kind: .permissionDenied, path: config.url ?? "[state]",
                                     detail: "cannot read the password file \(file): check that it exists and that Visnyk's user may read it")
                }
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        }
        return nil
    }
}
