import Foundation

/// Why `visnyk migrate-state` copied nothing, in plain words that name the file or database and
/// say what to do. The copy is one transaction: whatever the error, the target is as it was.
public enum StateMigrationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// PATH holds no SQLite state (no directory, or no visnyk.sqlite in it).
    case noSQLiteState(path: String)
    /// A database file under another name than visnyk.sqlite, written by an older Visnyk: it
    /// is only read, so it cannot be brought to the current schema first.
    case sqliteNotCurrent(path: String)
    /// The PostgreSQL state already holds seen articles or sources, and --merge was not given.
    case targetNotEmpty(url: String, seen: Bool, sources: Bool)
    /// A value in the SQLite file that the PostgreSQL column cannot hold.
    case unreadableValue(path: String, table: String, column: String, value: String)
    /// After copying, a PostgreSQL table does not hold the rows it should.
    case countMismatch(url: String, table: String, expected: Int, found: Int)
    /// SQLite or PostgreSQL failed (their own message says what to do).
    case database(StoreError)

    public var description: String {
        switch self {
        case .noSQLiteState(let path):
            "There is no SQLite state at \(path). Give --from sqlite:PATH with the state directory "
                + "(state_dir, /var/lib/visnyk when installed) or the visnyk.sqlite file in it."
        case .sqliteNotCurrent(let path):
            "The SQLite state \(path) was written by an older Visnyk and is only read here, so it "
                + "cannot be brought up to date first. Copy it into an empty directory as visnyk.sqlite "
                + "and give that directory to --from."
        case .targetNotEmpty(let url, let seen, let sources):
            "The PostgreSQL state \(url) already holds "
                + [seen ? "seen articles" : nil, sources ? "sources" : nil].compactMap { $0 }.joined(separator: " and ")
                + ", so nothing was copied. Give an empty database, or add --merge to add this state "
                + "to it (rows already there are kept)."
        case .unreadableValue(let path, let table, let column, let value):
            "The SQLite state \(path) holds \(value) in \(table).\(column), which PostgreSQL cannot "
                + "store there, so nothing was copied. Repair or remove that row with sqlite3, then run "
                + "migrate-state again."
        case .countMismatch(let url, let table, let expected, let found):
            "After copying, \(table) in \(url) held \(found) rows instead of \(expected) (another "
                + "process wrote to it meanwhile?), so nothing was copied. Stop every visnyk using that "
                + "database, then run migrate-state again."
        case .database(let error):
            error.description
        }
    }
}
