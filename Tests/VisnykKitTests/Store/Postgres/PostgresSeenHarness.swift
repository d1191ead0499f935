import Foundation
import Testing
@testable import VisnykKit

/// A fresh database on the shared test PostgreSQL server and a store on it; ``node()`` opens
/// another store on the same database (its own connections), as a second daemon would.
struct PostgresSeenHarness {
    let server: TestPostgresServer
    let config: StateConfig
    let store: PostgresStateStore

    init() throws {
        server = try TestPostgresServer.shared()
        config = try server.freshDatabase()
        store = try PostgresStateStore(config: config, password: server.password)
    }

    func node() throws -> PostgresStateStore {
        try PostgresStateStore(config: config, password: server.password)
    }

    /// psql's output of `statements` on this harness's database.
    func sql(_ statements: String) throws -> String {
        let database = try #require(config.url?.split(separator: "/").last.map(String.init))
        return try server.sql(statements, database: database)
    }

    static func key(_ entry: Entry, scope: String = "") throws -> SeenKey {
        SeenKey(scope: scope, hash: try #require(ContentHash.digestBytes(entry.contentHash)))
    }

    static func query(_ entry: Entry, source: String, scope: String = "") throws -> SeenQuery {
        SeenQuery(key: try key(entry, scope: scope), source: source, entryID: entry.id)
    }

    /// A new article spooled by `source` as `file`, queued for digests.
    static func spooled(_ entry: Entry, source: String, file: String, scope: String = "",
                        indexed: NearDuplicateIndexItem? = nil) throws -> SpoolRecord {
        SpoolRecord(query: try query(entry, source: source, scope: scope), fileName: file, queueItem: QueueItem(entry),
                    nearDuplicateItem: indexed)
    }
}
