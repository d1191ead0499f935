import PostgresNIO

/// Multi-row INSERTs into one PostgreSQL table: the caller appends a row's values to
/// `bindings` and calls `endRow()`; every `rowsPerStatement` rows go in one statement.
struct StateMigrationBatch {
    let link: PostgresLink
    let table: String
    let columns: [StateMigrationTable.Column]
    /// " ON CONFLICT DO NOTHING", or another clause after VALUES, or "".
    let conflict: String
    /// A condition on the new row `v` (its columns by name), or nil for all rows.
    let filter: String?
    let rowsPerStatement: Int
    var bindings = PostgresBindings()
    private(set) var pendingRows = 0
    /// Rows the statements inserted (or, with DO UPDATE, inserted or updated).
    private(set) var written = 0
    private(set) var read = 0
    private let fullStatement: String

    /// About a thousand rows per statement, within PostgreSQL's 65,535 parameters.
    init(link: PostgresLink, table: String, columns: [StateMigrationTable.Column], conflict: String,
         filter: String? = nil, rowsPerStatement: Int = 1_000) {
        self.link = link
        self.table = table
        self.columns = columns
        self.conflict = conflict
        self.filter = filter
        self.rowsPerStatement = max(1, min(rowsPerStatement, 65_535 / max(1, columns.count)))
        fullStatement = Self.statement(table: table, columns: columns, rows: self.rowsPerStatement, conflict: conflict, filter: filter)
    }

    /// Returns true when the row completed a statement, which was sent.
    @discardableResult
    mutating func endRow() throws(StoreError) -> Bool {
        pendingRows += 1
        read += 1
        guard pendingRows == rowsPerStatement else { return false }
        try flush()
        return true
    }

    mutating func flush() throws(StoreError) {
        guard pendingRows > 0 else { return }
        let sql = pendingRows == rowsPerStatement
            ? fullStatement
            : Self.statement(table: table, columns: columns, rows: pendingRows, conflict: conflict, filter: filter)
        written += try link.execute(sql, bindings)
        bindings = PostgresBindings()
        pendingRows = 0
    }

    /// With a filter, the rows are a VALUES list in FROM, where PostgreSQL no longer takes the
    /// types from the target's columns: each parameter is cast to its column's type.
    private static func statement(table: String, columns: [StateMigrationTable.Column], rows: Int,
                                  conflict: String, filter: String?) -> String {
        let names = columns.map(\.name).joined(separator: ", ")
        var sql = "INSERT INTO \(table) (\(names)) " + (filter == nil ? "VALUES " : "SELECT * FROM (VALUES ")
        sql.reserveCapacity(sql.utf8.count + rows * columns.count * (filter == nil ? 8 : 24))
        var parameter = 0
        for row in 0..<rows {
            sql += row == 0 ? "(" : ", ("
            for (index, column) in columns.enumerated() {
                parameter += 1
                sql += index == 0 ? "$\(parameter)" : ", $\(parameter)"
                if filter != nil { sql += "::" + column.kind.postgresType }
            }
            sql += ")"
        }
        if let filter { sql += ") AS v (\(names)) WHERE \(filter)" }
        return sql + conflict
    }
}
