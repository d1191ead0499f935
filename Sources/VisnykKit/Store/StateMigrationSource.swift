import Foundation
import GRDB

/// The SQLite state `visnyk migrate-state` reads, given as the state directory or a database
/// file. `visnyk.sqlite` is opened as the daemon opens it, so that a file written by an older
/// Visnyk is first brought to the current schema; a copy under another name is opened
/// read-only and must be current already.
struct StateMigrationSource {
    /// The database file.
    let path: String
    private let reader: any DatabaseReader

    init(path given: String) throws(StateMigrationError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) else {
            throw .noSQLiteState(path: given)
        }
        let file = isDirectory.boolValue ? (given as NSString).appendingPathComponent(StateStore.fileName) : given
        guard FileManager.default.fileExists(atPath: file) else { throw .noSQLiteState(path: file) }
        path = file
        if (file as NSString).lastPathComponent == StateStore.fileName {
            do throws(StoreError) {
                reader = try StateStore(directory: (file as NSString).deletingLastPathComponent).pool
            } catch {
                throw .database(error)
            }
            return
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: file, configuration: configuration)
            let (current, newer) = try queue.read { db in
                (try StateStore.migrator.hasCompletedMigrations(db), try StateStore.migrator.hasBeenSuperseded(db))
            }
            if newer {
                throw StoreError(kind: .newerSchema, path: file, detail: "its migrations are not all known to this Visnyk")
            }
            guard current else { throw StateMigrationError.sqliteNotCurrent(path: file) }
            reader = queue
        } catch let error as StateMigrationError {
            throw error
        } catch {
            throw .database(StoreError(error, path: file))
        }
    }

    /// One read transaction: every table is read from the same snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(StateMigrationError) -> T {
        do {
            return try reader.read(body)
        } catch let error as StateMigrationError {
            throw error
        } catch {
            throw .database(StoreError(error, path: path))
        }
    }
}
