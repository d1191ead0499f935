import Foundation
import GRDB

/// A failure of the state database, in plain words that name the file and say what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file is damaged or is not an SQLite database.
        case corrupt
        /// Another process holds the database longer than the busy timeout.
        case locked
        case diskFull
        case permissionDenied
        /// The file or its directory cannot be opened or created.
        case cannotOpen
        /// The file was migrated by a newer Visnyk whose schema this one does not know.
        case newerSchema
        /// The PostgreSQL server cannot be reached or refused the login.
        case unreachable
        /// Another node's transaction touched the same rows (retried before it is shown).
        case conflict
        case other
    }

    public var kind: Kind
    /// The database file (or the state directory, when that is what failed).
    public var path: String
    /// What SQLite or the system said.
    public var detail: String

    public init(kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .corrupt:
            "The state database \(path) is damaged or is not a Visnyk database (\(detail)). "
                + "Restore it from a backup, or move it aside to start afresh (Visnyk then forgets "
                + "which articles it has seen and may spool recent ones again)."
        case .locked:
            "The state database \(path) is locked by another process (\(detail)). Stop the other "
                + "visnyk (for example with `systemctl stop visnyk`) or wait for it to finish, then try again."
        case .diskFull:
            "The disk holding the state database \(path) is full (\(detail)). Free some space there, then try again."
        case .permissionDenied where path.hasPrefix("postgres://"):
            "The PostgreSQL state database \(path) refused Visnyk (\(detail)). Check the user in the "
                + "[state] url, its password (password_file, or the credential postgres-password) and its "
                + "privileges on the database."
        case .permissionDenied:
            "Visnyk may not read or write the state database \(path) (\(detail)). Check the owner and "
                + "permissions of the file and of its directory, or set state_dir to a directory Visnyk may write."
        case .cannotOpen:
            "Cannot open the state database \(path) (\(detail)). Check that state_dir names a directory "
                + "Visnyk may create and write."
        case .newerSchema:
            "The state database \(path) was written by a newer version of Visnyk (\(detail)). "
                + "Run that version, or restore a backup made by this one."
        case .unreachable:
            "Cannot reach the PostgreSQL state database \(path) (\(detail)). Check that the server "
                + "runs and accepts connections from this machine, the [state] url, and the password in "
                + "password_file (or the credential postgres-password)."
        case .conflict:
            "The state database \(path) kept refusing a transaction that other nodes wrote at the same "
                + "time (\(detail)). It is retried at the next poll; if it persists, check the server's load."
        case .other:
            "The state database \(path) failed: \(detail)."
        }
    }
}

extension StoreError {
    /// Classifies whatever GRDB or the system threw while working on `path`.
    init(_ error: any Error, path: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self.init(kind: .other, path: path, detail: "\(error)")
            return
        }
        let detail = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
        let kind: Kind = switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: .corrupt
        case .SQLITE_BUSY, .SQLITE_LOCKED: .locked
        case .SQLITE_FULL: .diskFull
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: .permissionDenied
        case .SQLITE_CANTOPEN: .cannotOpen
        default: .other
        }
        self.init(kind: kind, path: path, detail: detail)
    }

    /// Classifies a failure (an errno) to create the state directory.
    init(directory: String, errno code: Int32) {
        let kind: Kind = [EACCES, EPERM, EROFS].contains(code) ? .permissionDenied
            : code == ENOSPC ? .diskFull : .cannotOpen
        self.init(kind: kind, path: directory, detail: "cannot create the directory: \(String(cString: strerror(code)))")
    }
}
