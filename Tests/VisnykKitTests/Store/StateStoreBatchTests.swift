import Foundation
import GRDB
import Testing
@testable import VisnykKit

@Suite struct StateStoreBatchTests {
    private func committedNames(_ store: StateStore) throws -> [String] {
        let other = try DatabaseQueue(path: store.path)
        return try other.read { db in try String.fetchAll(db, sql: "SELECT name FROM sources ORDER BY name") }
    }

    @Test func queuedStateIsReadBackBeforeItIsCommitted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path)
        try store.save(SourceState(name: "b"))
        var state = SourceState(name: "a")
        state.etag = "\"1\""
        try store.enqueueSave(state)
        var newer = SourceState(name: "b")
        newer.pollCount = 7
        try store.enqueueSave(newer)
        #expect(store.hasQueuedStates)
        #expect(try committedNames(store) == ["b"])
        #expect(try store.sourceState(named: "a") == state)
        #expect(try store.sourceState(named: "b") == newer)
        #expect(try store.allSourceStates() == [state, newer])
        try store.flushStates()
        #expect(!store.hasQueuedStates)
        #expect(try committedNames(store) == ["a", "b"])
        #expect(try StateStore(directory: dir.path).allSourceStates() == [state, newer])
    }

    @Test func aFullBatchIsCommittedInOneGo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path)
        for index in 0..<StateStore.stateBatchSize {
            try store.enqueueSave(SourceState(name: String(format: "source %03d", index)))
        }
        #expect(!store.hasQueuedStates)
        #expect(try committedNames(store).count == StateStore.stateBatchSize)
    }

    @Test func statesStayQueuedWhenTheCommitFails() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path, busyTimeout: .milliseconds(50))
        try store.enqueueSave(SourceState(name: "queued"))
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: store.path, configuration: configuration)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        #expect(throws: StoreError.self) { try store.flushStates() }
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(store.hasQueuedStates)
        #expect(try store.sourceState(named: "queued") == SourceState(name: "queued"))
        try store.flushStates()
        #expect(try committedNames(store) == ["queued"])
    }
}

@Suite struct StateStoreRetiredTests {
    @Test func retiredNamesIncludeQueuedStates() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path)
        var gone = SourceState(name: "gone")
        gone.retired = true
        try store.save(gone)
        var revived = SourceState(name: "revived")
        revived.retired = true
        try store.save(revived)
        revived.retired = false
        try store.enqueueSave(revived)
        var queued = SourceState(name: "queued")
        queued.retired = true
        try store.enqueueSave(queued)
        #expect(try store.retiredSourceNames() == ["gone", "queued"])
        try store.flushStates()
        #expect(try store.retiredSourceNames() == ["gone", "queued"])
    }
}
