import Foundation
import GRDB

extension StateStore {
    /// The hash each key's alias points at; nil where the key has no alias.
    public func aliasTargets(of keys: [SeenKey]) throws(StoreError) -> [Data?] {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            let statement = try db.cachedStatement(sql: "SELECT target FROM seen_aliases WHERE scope = ? AND hash = ?")
            return try keys.map { try Data.fetchOne(statement, arguments: [$0.scope, $0.hash]) }
        }
    }

    /// Records, in one transaction, each alias (a hash naming the article recorded under
    /// `target`). Skipped: an alias whose target was forgotten meanwhile, and a hash recorded
    /// as an article of its own.
    public func recordAliases(_ aliases: [(alias: SeenKey, target: Data)]) throws(StoreError) {
        guard !aliases.isEmpty else { return }
        try write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO seen_aliases (scope, hash, target)
                SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM seen WHERE scope = ?1 AND hash = ?3)
                    AND NOT EXISTS (SELECT 1 FROM seen WHERE scope = ?1 AND hash = ?2)
                """)
            for (alias, target) in aliases {
                try insert.execute(arguments: [alias.scope, alias.hash, target])
            }
        }
    }
}
