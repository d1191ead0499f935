import Foundation
import Testing
@testable import VisnykKit

/// Source states in PostgreSQL: the behaviours StateStoreTests and StateStoreManyTests check
/// of SQLite, on a real server, each test on its own database.
@Suite struct PostgresSourceStateTests {
    private func freshStore() throws -> PostgresStateStore {
        try PostgresStateStore(config: try TestPostgresServer.shared().freshDatabase(), password: nil)
    }

    @Test func sourceStateRoundTripsEveryField() throws {
        let store = try freshStore()
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
        state.telegramLastPost = 51_234
        try store.save(state)
        try store.save(SourceState(name: "Another"))
        #expect(try store.sourceState(named: state.name) == state)
        #expect(try store.sourceState(named: "missing") == nil)

        state.etag = nil
        state.lastError = nil
        state.retired = false
        state.telegramLastPost = nil
        state.pollCount += 1
        try store.save(state)
        #expect(try store.sourceState(named: state.name) == state)
        #expect(try store.allSourceStates().map(\.name) == ["Another", state.name])

        try store.removeSourceState(named: "Another")
        #expect(try store.allSourceStates() == [state])
    }

    @Test func statesAreWrittenAtOnceWithNothingQueued() throws {
        let store = try freshStore()
        var state = SourceState(name: "Leopolis.news")
        state.pollCount = 3
        try store.enqueueSave(state)
        #expect(!store.hasQueuedStates)
        #expect(store.queuedState(named: "Leopolis.news") == nil)
        try store.flushStates()
        #expect(try store.sourceState(named: "Leopolis.news") == state)
    }

    @Test func retiredNamesAreTheRetiredSources() throws {
        let store = try freshStore()
        var gone = SourceState(name: "gone")
        gone.retired = true
        try store.save(gone)
        try store.save(SourceState(name: "alive"))
        #expect(try store.retiredSourceNames() == ["gone"])
        gone.retired = false
        try store.save(gone)
        #expect(try store.retiredSourceNames().isEmpty)
    }

    @Test func manyStatesAreReadAsOneByOneWouldReadThem() throws {
        let store = try freshStore()
        let count = 300
        for index in 0..<count where index % 5 != 0 {
            var state = SourceState(name: "source \(index)")
            state.etag = "\"\(index)\""
            state.pollCount = index
            try store.save(state)
        }
        let names = (0..<count).map { "source \($0)" } + ["not stored", "source 1"]
        let states = try store.sourceStates(named: names)
        for name in names {
            #expect(try states[name] == store.sourceState(named: name), "\(name)")
        }
        #expect(states.count == count - count / 5)
        #expect(states["source 10"] == nil)
        #expect(states["source \(count - 1)"]?.etag == "\"\(count - 1)\"")
        #expect(try store.sourceStates(named: []).isEmpty)
    }

    @Test func allStatesAreOrderedByBytesAsInSQLite() throws {
        let store = try freshStore()
        for name in ["b", "Z", "a", "Ґ", "É"] { try store.save(SourceState(name: name)) }
        #expect(try store.allSourceStates().map(\.name) == ["Z", "a", "b", "É", "Ґ"])
    }

    @Test func textWithNULIsStoredWithoutIt() throws {
        let store = try freshStore()
        var state = SourceState(name: "hostile")
        state.lastError = "bad\u{0}byte"
        state.etag = "\"a\u{0}\""
        try store.save(state)
        let stored = try #require(try store.sourceState(named: "hostile"))
        #expect(stored.lastError == "bad\u{FFFD}byte")
        #expect(stored.etag == "\"a\u{FFFD}\"")
    }
}
