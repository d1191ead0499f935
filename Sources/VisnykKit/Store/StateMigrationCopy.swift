import Foundation
import GRDB
import PostgresNIO

/// The work of one migration, inside its PostgreSQL transaction and one SQLite read
/// transaction. Its helpers throw StoreErrors (from PostgreSQL), StateMigrationErrors and GRDB's
/// errors, which StateMigrationSource.read sorts out.
struct StateMigrationCopy {
    let link: PostgresLink
    /// The target, for messages.
    let url: String
    let sqlitePath: String
    let merge: Bool
    let rowsPerStatement: Int
    /// Added to the copied ids of each space: 0 unless merging.
    private(set) var offsets: [StateMigrationTable.IDSpace: Int64] = [:]
    private(set) var tables: [StateMigrationReport.Table] = []

    init(link: PostgresLink, url: String, sqlitePath: String, merge: Bool, rowsPerStatement: Int) {
        self.link = link
        self.url = url
        self.sqlitePath = sqlitePath
        self.merge = merge
        self.rowsPerStatement = rowsPerStatement
    }

    mutating func run(from source: StateMigrationSource, now: Date) throws(StateMigrationError) -> StateMigrationReport {
        do throws(StoreError) {
            try link.execute("SELECT pg_advisory_xact_lock(\(StateMigration.lockKey))")
            if merge {
                for space in StateMigrationTable.IDSpace.allCases { offsets[space] = try highestID(space) }
            }
        } catch {
            throw .database(error)
        }
        if !merge { try refuseUnlessEmpty() }
        try source.read { db in
            for table in StateMigrationTable.copiedAsTheyAre { try copy(table, db) }
            try copyNearDuplicates(db)
            try enterCluster(db, now: now)
            try advanceSequences(db)
        }
        return StateMigrationReport(source: sqlitePath, target: url, merged: merge, tables: tables)
    }

    private func refuseUnlessEmpty() throws(StateMigrationError) {
        do {
            let seen = try flag("SELECT EXISTS (SELECT 1 FROM seen)")
            let sources = try flag("SELECT EXISTS (SELECT 1 FROM sources)")
            if seen || sources { throw StateMigrationError.targetNotEmpty(url: url, seen: seen, sources: sources) }
        } catch let error as StateMigrationError {
            throw error
        } catch let error as StoreError {
            throw .database(error)
        } catch {
            throw .database(StoreError(kind: .other, path: url, detail: "\(error)"))
        }
    }

    private mutating func copy(_ table: StateMigrationTable, _ db: Database) throws {
        let before = try count(table.name)
        var batch = StateMigrationBatch(link: link, table: table.name, columns: table.columns,
                                        conflict: merge ? " ON CONFLICT DO NOTHING" : "",
                                        filter: merge ? table.mergeFilter : nil, rowsPerStatement: rowsPerStatement)
        let rows = try Row.fetchCursor(db, sql: table.selectSQL)
        while let row = try rows.next() {
            for (index, column) in table.columns.enumerated() {
                try append(row[index], column, table: table.name, to: &batch.bindings)
            }
            try batch.endRow()
        }
        try batch.flush()
        try verify(table.name, read: batch.read, written: batch.written, before: before)
    }

    func append(_ value: DatabaseValue, _ column: StateMigrationTable.Column, table: String,
                to bindings: inout PostgresBindings) throws {
        let shift = column.ids.flatMap { offsets[$0] } ?? 0
        guard column.kind.append(value, shift: shift, to: &bindings) else {
            throw StateMigrationError.unreadableValue(path: sqlitePath, table: table, column: column.name,
                                                      value: Self.describe(value))
        }
    }

    /// Each source enters the cluster with its schedule: due when its state says. Without
    /// --merge, a row a daemon already made for it takes that time too.
    private mutating func enterCluster(_ db: Database, now: Date) throws {
        let before = try count("cluster_sources")
        let columns: [StateMigrationTable.Column] = [.init("name", .text), .init("host", .text), .init("due_at", .real),
                                                     .init("configured_at", .real)]
        var batch = StateMigrationBatch(link: link, table: "cluster_sources", columns: columns,
                                        conflict: merge ? " ON CONFLICT (name) DO NOTHING"
                                            : " ON CONFLICT (name) DO UPDATE SET due_at = excluded.due_at",
                                        rowsPerStatement: rowsPerStatement)
        let rows = try Row.fetchCursor(db, sql: "SELECT name, nextPollAt FROM sources ORDER BY name")
        while let row = try rows.next() {
            try append(row[0], .init("name", .text), table: "sources", to: &batch.bindings)
            batch.bindings.appendNull()
            try append(row[1], .init("nextPollAt", .real), table: "sources", to: &batch.bindings)
            batch.bindings.append(now.timeIntervalSince1970)
            try batch.endRow()
        }
        try batch.flush()
        try verify("cluster_sources", read: batch.read, written: batch.written, before: before, upsert: !merge)
    }

    /// Moves each sequence past every id copied and every id SQLite ever gave (AUTOINCREMENT:
    /// a digest's cursor may name a pruned seq, which must never be given again).
    private func advanceSequences(_ db: Database) throws {
        for space in StateMigrationTable.IDSpace.allCases {
            var given: Int64 = 0
            if try db.tableExists("sqlite_sequence") {
                given = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [space.table]) ?? 0
            }
            let last = max(try highestID(space), given + (offsets[space] ?? 0))
            if last > 0 {
                try link.execute("SELECT setval(pg_get_serial_sequence('\(space.table)', '\(space.column)'), \(last))")
            }
        }
    }

    /// Fails the transaction unless `table` gained exactly the rows written (and, without
    /// --merge, every row read); an upsert is checked by the rows it wrote.
    mutating func verify(_ table: String, read: Int, written: Int, before: Int, upsert: Bool = false) throws {
        if !merge, written != read {
            throw StateMigrationError.countMismatch(url: url, table: table, expected: read, found: written)
        }
        if !upsert {
            let after = try count(table)
            if after != before + written {
                throw StateMigrationError.countMismatch(url: url, table: table, expected: before + written, found: after)
            }
        }
        tables.append(StateMigrationReport.Table(name: table, read: read, copied: written))
    }

    /// The highest id of `space` in the target: in its rows, or given by its sequence.
    private func highestID(_ space: StateMigrationTable.IDSpace) throws(StoreError) -> Int64 {
        let sequence = "pg_get_serial_sequence('\(space.table)', '\(space.column)')::regclass"
        return try integer("SELECT GREATEST(COALESCE(MAX(\(space.column)), 0), COALESCE(pg_sequence_last_value(\(sequence)), 0)) FROM \(space.table)")
    }

    func count(_ table: String) throws(StoreError) -> Int {
        Int(try integer("SELECT count(*) FROM \(table)"))
    }

    private func integer(_ sql: String) throws(StoreError) -> Int64 {
        for row in try link.query(sql) {
            do {
                return try row.decode(Int64?.self) ?? 0
            } catch {
                throw StoreError(kind: .other, path: url, detail: "\(sql) answered with no number: \(error)")
            }
        }
        throw StoreError(kind: .other, path: url, detail: "no number came back from \(sql)")
    }

    private func flag(_ sql: String) throws(StoreError) -> Bool {
        for row in try link.query(sql) {
            if let value = try? row.decode(Bool.self) { return value }
        }
        throw StoreError(kind: .other, path: url, detail: "no answer came back from \(sql)")
    }

    /// A value for a message: its type and at most 60 characters of it.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let integer): "the integer \(integer)"
        case .double(let real): "the number \(real)"
        case .string(let text): "the text \"\(text.prefix(60))\(text.count > 60 ? "…" : "")\""
        case .blob(let data): "a \(data.count)-byte blob"
        }
    }
}
