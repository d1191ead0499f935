import Foundation
import GRDB
import PostgresNIO

/// `visnyk migrate-state`: copies a single daemon's SQLite state into a PostgreSQL database,
/// so that a cluster starts from it without losing a seen hash, a validator, a digest cursor
/// or a delivery. Everything is copied in ONE transaction, table by table in multi-row
/// INSERTs, and the row counts are checked before it commits: a failure leaves the target as
/// it was.
///
/// Without `merge` the target must hold no sources and no seen articles, and every row keeps
/// its key, ids included (digest seqs, delivery ids, near-duplicate ids), with each sequence
/// moved past the highest id SQLite ever gave. With `merge`, rows whose key is already there
/// are kept as they are, and the copied ids are moved past the target's so that they still
/// point at each other.
public struct StateMigration: Sendable {
    /// The state directory or its database file.
    public var sqlitePath: String
    /// `url` names the database; the password comes separately.
    public var target: StateConfig
    public var password: String?
    public var merge: Bool
    /// Rows per INSERT statement (fewer in tests, to cross statement boundaries).
    var rowsPerStatement = 1_000

    public init(from sqlitePath: String, to target: StateConfig, password: String?, merge: Bool = false) {
        self.sqlitePath = sqlitePath
        self.target = target
        self.password = password
        self.merge = merge
    }

    /// pg_advisory_xact_lock key that keeps two migrations from copying into one database at
    /// once ("visnym" in ASCII).
    static let lockKey: Int64 = 0x76_69_73_6E_79_6D

    /// Copies; `now` is the configured_at of the sources entered into the cluster.
    public func run(now: Date = Date()) throws(StateMigrationError) -> StateMigrationReport {
        guard let text = target.url else {
            throw .database(StoreError(kind: .cannotOpen, path: "[state] url",
                                       detail: "no PostgreSQL database named: give --to postgres://USER@HOST:PORT/DB"))
        }
        let url: PostgresURL
        switch PostgresURL.parse(text) {
        case .success(let parsed): url = parsed
        case .failure(let problem): throw .database(StoreError(kind: .cannotOpen, path: text, detail: problem.message))
        }
        let source = try StateMigrationSource(path: sqlitePath)
        let session: PostgresSession
        do throws(StoreError) {
            session = try PostgresSession(url: url, password: password, connections: 1)
            try PostgresSchema.migrate(session)
        } catch {
            throw .database(error)
        }
        // The transaction's body may throw StoreErrors only: a refusal or a mismatch rolls it
        // back as one, and is thrown as itself once the rollback is done.
        var failure: StateMigrationError?
        do throws(StoreError) {
            return try session.transaction { link throws(StoreError) in
                do throws(StateMigrationError) {
                    var copy = StateMigrationCopy(link: link, url: url.display, sqlitePath: source.path, merge: merge,
                                                  rowsPerStatement: rowsPerStatement)
                    return try copy.run(from: source, now: now)
                } catch {
                    if case .database(let store) = error { throw store }
                    failure = error
                    throw StoreError(kind: .other, path: url.display, detail: error.description)
                }
            }
        } catch {
            throw failure ?? .database(error)
        }
    }
}
