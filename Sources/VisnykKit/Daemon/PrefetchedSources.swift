/// The sources of a one-off cycle, each with its stored state, read `StateStore.manyStatesChunk`
/// at a time: one read transaction per chunk instead of one per poll, while never holding more
/// than a chunk of states (all 10,000 at once would cost ~0.5 KB of memory per source).
struct PrefetchedSources<Base: IteratorProtocol<SourceConfig>>: IteratorProtocol {
    /// A source and its state; `state` is nil when the chunk could not be read, so that the
    /// poll reads (and reports a failure to read) the state itself.
    typealias Element = (source: SourceConfig, state: SourceState?)

    private var base: Base
    private let store: any StateBackend
    private var chunk: [Element] = []
    private var position = 0

    init(_ base: Base, store: any StateBackend) {
        self.base = base
        self.store = store
    }

    mutating func next() -> Element? {
        if position == chunk.count { refill() }
        guard position < chunk.count else { return nil }
        defer { position += 1 }
        return chunk[position]
    }

    private mutating func refill() {
        chunk.removeAll(keepingCapacity: true)
        position = 0
        var sources: [SourceConfig] = []
        while sources.count < StateStore.manyStatesChunk, let source = base.next() { sources.append(source) }
        guard !sources.isEmpty else { return }
        guard let states = try? store.sourceStates(named: sources.map(\.name)) else {
            chunk = sources.map { ($0, nil) }
            return
        }
        chunk = sources.map { ($0, states[$0.name] ?? SourceState(name: $0.name)) }
    }
}
