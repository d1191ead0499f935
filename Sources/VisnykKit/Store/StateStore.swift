import Foundation
import GRDB

/// Visnyk's state: one SQLite database in WAL mode, `<state_dir>/visnyk.sqlite`, holding each
/// source's poll state, the seen content hashes, the sources that also carried them, and the
/// entry identities that turn an edited entry into an update.
///
/// Safe to use from several tasks at once: reads run in parallel, writes are serialized by the
/// pool, and another process holding the write lock is waited for up to `busyTimeout`.
public final class StateStore: Sendable {
    public static let fileName = "visnyk.sqlite"

    /// The database file.
    public let path: String
    let pool: DatabasePool
    let pending = PthreadMutexBox(PendingStates())
    /// The near-duplicate index's level in memory; nil until first used.
    let nearDuplicateBuffer = PthreadMutexBox<NearDuplicateBuffer?>(nil)

    public convenience init(directory: String) throws(StoreError) {
        try self.init(directory: directory, busyTimeout: .seconds(10))
    }

    /// Creates `directory` if needed, opens (or creates) the database in it and migrates it.
    public init(directory: String, busyTimeout: Duration) throws(StoreError) {
        if let failure = Directory.create(directory, mode: 0o750) {
            throw StoreError(directory: directory, errno: failure)
        }
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(busyTimeout.components.seconds)
            + TimeInterval(busyTimeout.components.attoseconds) / 1e18)
        configuration.prepareDatabase { db in
            // A commit must be on disk before its spool file is renamed into new/: with NORMAL,
            // a power loss could undo a commit whose article a reader has already seen.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Two processes opening a new database at once (`visnyk run` starting, `visnyk status`
        // run by hand) would both read "not migrated yet" and both create the tables.
        let migrationLock = Self.lockForMigration(in: directory)
        defer { if migrationLock >= 0 { close(migrationLock) } }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                if try Self.migrator.hasBeenSuperseded(db) {
                    let known = Set(Self.migrator.migrations)
                    let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                    let unknown = applied.filter { !known.contains($0) }
                    throw StoreError(kind: .newerSchema, path: path,
                                     detail: "unknown migrations: \(unknown.sorted().joined(separator: ", "))")
                }
            }
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// An exclusive flock(2) on `<directory>/.visnyk-migrate.lock`, held until the descriptor
    /// is closed; -1 when the file cannot be opened (a read-only directory: then the database
    /// cannot be migrated either, and opening it reports why).
    private static func lockForMigration(in directory: String) -> Int32 {
        let descriptor = open((directory as NSString).appendingPathComponent(".visnyk-migrate.lock"),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return -1 }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return descriptor
    }

    public func sourceState(named name: String) throws(StoreError) -> SourceState? {
        // Queued first: a state leaves the queue only once committed, so this order never
        // misses the newest one.
        if let queued = queuedState(named: name) { return queued }
        return try read { db in
            try Row.fetchOne(db.cachedStatement(sql: SourceState.selectSQL + " WHERE name = ?"), arguments: [name])
                .map(SourceState.init(row:))
        }
    }

    /// Every stored source, by name.
    public func allSourceStates() throws(StoreError) -> [SourceState] {
        let queued = queuedStates()
        var states = try read { db in
            // A cursor decodes row by row: fetchAll would first hold every Row (each with its
            // column names), about 0.8 KB per source.
            var states: [SourceState] = []
            let rows = try Row.fetchCursor(db, sql: SourceState.selectSQL + " ORDER BY name")
            while let row = try rows.next() { states.append(SourceState(row: row)) }
            return states
        }
        guard !queued.isEmpty else { return states }
        var unstored = queued
        for index in states.indices {
            if let newer = unstored.removeValue(forKey: states[index].name) { states[index] = newer }
        }
        if !unstored.isEmpty {
            states += unstored.values
            states.sort { $0.name < $1.name }
        }
        return states
    }

    /// The sources retired after 410 Gone, queued states included.
    public func retiredSourceNames() throws(StoreError) -> Set<String> {
        let queued = queuedStates()
        var names = try read { db in
            try Set(String.fetchCursor(db, sql: "SELECT name FROM sources WHERE retired"))
        }
        for (name, state) in queued {
            if state.retired { names.insert(name) } else { names.remove(name) }
        }
        return names
    }

    /// Inserts or replaces the state of `state.name` now, with any queued states.
    public func save(_ state: SourceState) throws(StoreError) {
        pending.withLock { $0.add(state, at: ContinuousClock.now) }
        try flushStates()
    }

    /// Forgets a source that is no longer configured. Its seen hashes stay (they expire by age).
    public func removeSourceState(named name: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM sources WHERE name = ?", arguments: [name])
        }
    }

    /// How many content hashes are remembered (in every dedup scope).
    public func seenCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM seen") ?? 0 }
    }

    static let saveSQL: String = {
        let columns = SourceState.columns
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO sources (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ")
            + ") ON CONFLICT(name) DO UPDATE SET \(updates)"
    }()
}

extension StateStore {
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// One transaction: all of `body` is committed, or none of it.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
