import Foundation
import GRDB
import Testing
@testable import VisnykKit

@Suite struct StateStoreTests {
    @Test func freshDatabaseIsCreatedInWALModeAndMigrated() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let stateDir = dir.appending("state/nested")
        let store = try StateStore(directory: stateDir)
        #expect(store.path == stateDir + "/visnyk.sqlite")
        #expect(FileManager.default.fileExists(atPath: store.path))
        let (mode, tables, migrations) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(mode == "wal")
        #expect(Set(tables).isSuperset(of: ["carriers", "entries", "seen", "sources"]))
        #expect(migrations == StateStore.migrator.migrations)
        #expect(try store.seenCount() == 0)
        #expect(try store.allSourceStates().isEmpty)
    }

    @Test func existingDatabaseKeepsItsStateAndIsNotMigratedTwice() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        do {
            let store = try StateStore(directory: dir.path)
            var state = SourceState(name: "Leopolis.news")
            state.etag = "\"abc\""
            try store.save(state)
        }
        let reopened = try StateStore(directory: dir.path)
        #expect(try reopened.sourceState(named: "Leopolis.news")?.etag == "\"abc\"")
        let count = try reopened.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") }
        #expect(count == StateStore.migrator.migrations.count)
    }

    @Test func sourceStateRoundTripsEveryField() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path)
        var state = SourceState(name: "Вісник «Львів»")
        state.currentURL = "https://example.org/feed/new"
        state.etag = "W/\"5e-1\""
        state.lastModified = "Sat, 28 Nov 2026 10:00:00 GMT"
        state.nextPollAt = Date(timeIntervalSince1970: 1_795_000_000.25)
        state.lastPollAt = Date(timeIntervalSince1970: 1_794_999_000)
        state.lastSuccessAt = Date(timeIntervalSince1970: 1_794_998_000.5)
        state.lastStatus = 304
        state.lastError = "The server answered 503: Service Unavailable."
        state.lastWarning = "recovered from malformed XML (line 3)"
        state.consecutiveFailures = 3
        state.failingSince = Date(timeIntervalSince1970: 1_794_000_000)
        state.retired = true
        state.newCount = 10
        state.duplicateCount = 20
        state.updateCount = 2
        state.pollCount = 40
        state.notModifiedCount = 30
        try store.save(state)
        try store.save(SourceState(name: "Another"))
        #expect(try store.sourceState(named: state.name) == state)
        #expect(try store.sourceState(named: "missing") == nil)

        state.etag = nil
        state.lastError = nil
        state.retired = false
        state.pollCount += 1
        try store.save(state)
        #expect(try store.sourceState(named: state.name) == state)
        #expect(try store.allSourceStates().map(\.name) == ["Another", state.name])

        try store.removeSourceState(named: "Another")
        #expect(try store.allSourceStates() == [state])
    }

    @Test func corruptFileIsReportedByName() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("visnyk.sqlite")
        try Data(String(repeating: "not a database, just text\n", count: 400).utf8).write(to: URL(fileURLWithPath: path))
        let error = storeError { try StateStore(directory: dir.path) }
        #expect(error?.kind == .corrupt)
        #expect(error?.path == path)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("backup") == true)
    }

    @Test func stateDirectoryThatIsAFileIsReportedByName() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.appending("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let error = storeError { try StateStore(directory: file + "/state") }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.contains(file + "/state") == true)
    }

    @Test func databaseLockedByAnotherConnectionSaysSo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path, busyTimeout: .milliseconds(50))
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: store.path, configuration: configuration)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let error = storeError { try store.save(SourceState(name: "x")) }
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(error?.kind == .locked)
        #expect(error?.description.contains("locked by another process") == true)
        try store.save(SourceState(name: "x"))
    }

    @Test func databaseOfANewerVersionIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try StateStore(directory: dir.path).path
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        let error = storeError { try StateStore(directory: dir.path) }
        #expect(error?.kind == .newerSchema)
        #expect(error?.description.contains("v99: from the future") == true)
    }

    /// The StoreError `body` throws; nil if it throws nothing (or something else).
    private func storeError(_ body: () throws -> Any) -> StoreError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? StoreError
        }
    }
}
