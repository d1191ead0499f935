import Foundation
import GRDB
import Testing
@testable import VisnykKit

/// The last Telegram post read survives a restart, and "v4: telegram" upgrades a database
/// that predates it without touching its rows.
@Suite struct TelegramStateTests {
    @Test func lastPostIsStoredAndReadBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var state = SourceState(name: "Northwind")
        state.telegramLastPost = 1203
        state.etag = "\"e\""
        do {
            let store = try StateStore(directory: dir.path)
            try store.enqueueSave(state)
            try store.flushStates()
        }
        #expect(try StateStore(directory: dir.path).sourceState(named: "Northwind") == state)
    }

    @Test func aDatabaseWithoutTheColumnGainsIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        do {
            let store = try StateStore(directory: dir.path)
            try store.pool.write { db in
                try db.execute(sql: "INSERT INTO sources (name, etag) VALUES ('Old', '\"v3\"')")
                // As written by the version before this column existed.
                try db.execute(sql: "ALTER TABLE sources DROP COLUMN telegramLastPost")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4: telegram'")
            }
        }
        let store = try StateStore(directory: dir.path)
        let old = try #require(try store.sourceState(named: "Old"))
        #expect(old.etag == "\"v3\"")
        #expect(old.telegramLastPost == nil)
        let (migrations, columns) = try store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try db.columns(in: "sources").map(\.name))
        }
        #expect(migrations.contains("v4: telegram"))
        #expect(columns.contains("telegramLastPost"))
    }
}
