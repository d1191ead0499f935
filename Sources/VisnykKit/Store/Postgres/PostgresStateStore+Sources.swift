import Foundation
import PostgresNIO

/// Source states. Each save is committed at once (no batch, unlike SQLite): once a node
/// releases a source's lease, the node that claims it next must read these validators.
extension PostgresStateStore {
    public func sourceState(named name: String) throws(StoreError) -> SourceState? {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query(SourceState.postgresSelectSQL + " WHERE name = $1", Binds { $0.add(name) }.bindings)
            return try decodeRows(rows, as: SourceState.init(postgresRow:)).first
        }
    }

    /// The stored states of `names` (absent names have none), in one query.
    public func sourceStates(named names: [String]) throws(StoreError) -> [String: SourceState] {
        guard !names.isEmpty else { return [:] }
        let states = try session.withConnection { link throws(StoreError) in
            let rows = try link.query(SourceState.postgresSelectSQL + " WHERE name = ANY($1)",
                                      Binds { $0.add(Array(Set(names))) }.bindings)
            return try decodeRows(rows, as: SourceState.init(postgresRow:))
        }
        return Dictionary(states.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every stored source, by name (ordered as SQLite orders: by bytes, whatever the locale).
    public func allSourceStates() throws(StoreError) -> [SourceState] {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query(SourceState.postgresSelectSQL + " ORDER BY name COLLATE \"C\"")
            return try decodeRows(rows, as: SourceState.init(postgresRow:))
        }
    }

    /// The sources retired after 410 Gone.
    public func retiredSourceNames() throws(StoreError) -> Set<String> {
        try session.withConnection { link throws(StoreError) in
            let rows = try link.query("SELECT name FROM sources WHERE retired")
            return Set(try decodeRows(rows) { row in try row.decode(String.self) })
        }
    }

    /// Inserts or replaces the state of `state.name`, committed when this returns.
    public func save(_ state: SourceState) throws(StoreError) {
        try session.withConnection { link throws(StoreError) in
            _ = try link.execute(SourceState.postgresSaveSQL, state.postgresBindings)
        }
    }

    /// Written at once, as ``save(_:)``: there is no queue for another node to miss.
    public func enqueueSave(_ state: SourceState) throws(StoreError) {
        try save(state)
    }

    public func flushStates() throws(StoreError) {}

    public var hasQueuedStates: Bool { false }

    public func queuedState(named name: String) -> SourceState? { nil }

    /// Forgets a source that is no longer configured. Its seen hashes stay (they expire by age).
    public func removeSourceState(named name: String) throws(StoreError) {
        try session.withConnection { link throws(StoreError) in
            _ = try link.execute("DELETE FROM sources WHERE name = $1", Binds { $0.add(name) }.bindings)
        }
    }

    /// Decodes every row with `decode`; a row of unexpected types (a schema changed by hand)
    /// is an error that names the database.
    func decodeRows<T>(_ rows: PostgresQueryResult, as decode: (PostgresRow) throws -> T) throws(StoreError) -> [T] {
        do {
            return try rows.map(decode)
        } catch {
            throw PostgresRow.unexpected(error, database: location)
        }
    }
}
