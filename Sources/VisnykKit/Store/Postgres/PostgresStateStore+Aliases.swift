import Foundation
import NIOCore
import PostgresNIO

/// Aliases (StateStore+Aliases in SQLite): a hash that names an article recorded under another
/// hash, so that it stays a duplicate when learned boilerplate changes its text.
extension PostgresStateStore {
    /// The hash each key's alias points at; nil where the key has no alias. One statement.
    public func aliasTargets(of keys: [SeenKey]) throws(StoreError) -> [Data?] {
        guard !keys.isEmpty else { return [] }
        let keys = keys.map { SeenKey(scope: Self.storable($0.scope), hash: $0.hash) }
        var binds = Binds()
        binds.add(keys.map(\.scope))
        binds.bindings.append(keys.map { ByteBuffer(bytes: $0.hash) })
        let rows = try session.withConnection { link throws(StoreError) in
            try link.query("""
                SELECT u.n, a.target
                FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(scope, hash, n)
                JOIN seen_aliases a ON a.scope = u.scope AND a.hash = u.hash
                """, binds.bindings)
        }
        var targets = [Data?](repeating: nil, count: keys.count)
        for row in rows {
            let (n, target) = try row.decodedColumns((Int64, Data).self, database: location)
            guard n >= 1, n <= Int64(keys.count) else { continue }
            targets[Int(n) - 1] = target
        }
        return targets
    }

    /// Records each alias (a hash naming the article recorded under `target`), in one
    /// statement. Skipped: an alias whose target was forgotten meanwhile, a hash recorded as an
    /// article of its own, and an alias already recorded (the first one stays).
    public func recordAliases(_ aliases: [(alias: SeenKey, target: Data)]) throws(StoreError) {
        guard !aliases.isEmpty else { return }
        // Key order, as in `record`: nodes inserting overlapping aliases lock them in one order.
        let sorted = aliases.enumerated().sorted { a, b in
            Self.keyPrecedes(a.element.alias, a.offset, b.element.alias, b.offset)
        }.map(\.element)
        var binds = Binds()
        binds.add(sorted.map { Self.storable($0.alias.scope) })
        binds.bindings.append(sorted.map { ByteBuffer(bytes: $0.alias.hash) })
        binds.bindings.append(sorted.map { ByteBuffer(bytes: $0.target) })
        _ = try session.withConnection { link throws(StoreError) in
            try link.execute("""
                INSERT INTO seen_aliases (scope, hash, target)
                SELECT u.scope, u.hash, u.target
                FROM unnest($1::text[], $2::bytea[], $3::bytea[]) WITH ORDINALITY AS u(scope, hash, target, n)
                WHERE EXISTS (SELECT 1 FROM seen WHERE scope = u.scope AND hash = u.target)
                  AND NOT EXISTS (SELECT 1 FROM seen WHERE scope = u.scope AND hash = u.hash)
                ORDER BY n
                ON CONFLICT (scope, hash) DO NOTHING
                """, binds.bindings)
        }
    }
}
