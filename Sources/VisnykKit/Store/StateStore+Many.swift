import GRDB

extension StateStore {
    /// How many names one query of ``sourceStates(named:)`` looks up.
    static let manyStatesChunk = 256

    /// The stored states of `names` (absent names have none), each as ``sourceState(named:)``
    /// would return it, in one read transaction per `manyStatesChunk` names instead of one
    /// per name.
    public func sourceStates(named names: [String]) throws(StoreError) -> [String: SourceState] {
        var states: [String: SourceState] = [:]
        states.reserveCapacity(names.count)
        var unqueued: [String] = []
        // Queued first, as in sourceState(named:): a state leaves the queue only once committed.
        pending.withLock { pending in
            for name in names {
                if let queued = pending.items[name]?.state { states[name] = queued } else { unqueued.append(name) }
            }
        }
        var start = 0
        while start < unqueued.count {
            let chunk = unqueued[start..<min(start + Self.manyStatesChunk, unqueued.count)]
            start += chunk.count
            try read { db in
                let placeholders = repeatElement("?", count: chunk.count).joined(separator: ",")
                let sql = SourceState.selectSQL + " WHERE name IN (\(placeholders))"
                let statement = chunk.count == Self.manyStatesChunk
                    ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(Array(chunk)))
                while let row = try rows.next() {
                    let state = SourceState(row: row)
                    states[state.name] = state
                }
            }
        }
        return states
    }
}
