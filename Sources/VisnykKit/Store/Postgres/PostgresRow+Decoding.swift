import PostgresNIO

extension PostgresRow {
    /// The row's columns as `types`. A column of another type means a schema this Visnyk does
    /// not know: an error naming the database, never a row silently skipped (a seen row read as
    /// absent would spool its article again).
    func decodedColumns<each Column: PostgresDecodable>(_ types: (repeat each Column).Type,
                                                        database: String) throws(StoreError) -> (repeat each Column) {
        do {
            return try decode(types)
        } catch {
            throw Self.unexpected(error, database: database)
        }
    }

    /// The row's one column as `type` (a tuple of one is no parameter pack postgres-nio decodes).
    func decodedColumn<Column: PostgresDecodable>(_ type: Column.Type, database: String) throws(StoreError) -> Column {
        do {
            return try decode(type)
        } catch {
            throw Self.unexpected(error, database: database)
        }
    }

    static func unexpected(_ error: any Error, database: String) -> StoreError {
        StoreError(kind: .other, path: database,
                   detail: "a row of an unexpected shape (\(String(describing: error).prefix(300))); "
                       + "check that no other program changed Visnyk's tables")
    }
}
