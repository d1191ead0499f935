import Testing
@testable import VisnykKit

@Suite struct StateStoreManyTests {
    @Test func manyStatesAreReadAsOneByOneWouldReadThem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StateStore(directory: dir.path)
        // More than two chunks, so that a full (cached) and a partial query both run.
        let count = StateStore.manyStatesChunk * 2 + 3
        for index in 0..<count where index % 5 != 0 {
            var state = SourceState(name: "source \(index)")
            state.etag = "\"\(index)\""
            state.pollCount = index
            try store.enqueueSave(state)
        }
        try store.flushStates()
        var queued = SourceState(name: "source 1")
        queued.pollCount = 1_000
        try store.enqueueSave(queued)
        var onlyQueued = SourceState(name: "source 5")
        onlyQueued.etag = "\"queued\""
        try store.enqueueSave(onlyQueued)

        let names = (0..<count).map { "source \($0)" } + ["not stored"]
        let states = try store.sourceStates(named: names)
        for name in names {
            #expect(try states[name] == store.sourceState(named: name), "\(name)")
        }
        #expect(states["source 1"]?.pollCount == 1_000)
        #expect(states["source 5"]?.etag == "\"queued\"")
        #expect(states["source 10"] == nil)
        #expect(states["not stored"] == nil)
        #expect(states["source \(count - 1)"]?.etag == "\"\(count - 1)\"")
        #expect(try store.sourceStates(named: []).isEmpty)
    }
}
