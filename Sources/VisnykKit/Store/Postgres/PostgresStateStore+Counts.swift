import Foundation
import PostgresNIO

/// The sizes `visnyk status` reports.
extension PostgresStateStore {
    /// How many content hashes are remembered (in every dedup scope).
    public func seenCount() throws(StoreError) -> Int {
        try count("SELECT count(*) FROM seen")
    }

    /// How many articles the near-duplicate index holds.
    public func nearDuplicateIndexCount() throws(StoreError) -> Int {
        try count("SELECT count(*) FROM near_articles")
    }

    private func count(_ sql: String) throws(StoreError) -> Int {
        try session.withConnection { link throws(StoreError) in
            try decodeRows(try link.query(sql), as: { row in try row.decode(Int.self) }).first ?? 0
        }
    }
}
