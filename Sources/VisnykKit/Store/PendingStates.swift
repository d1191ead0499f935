import Foundation

/// Source states saved but not yet committed, newest per source. A state stays here until a
/// transaction holding it (or a newer one) has committed, so a reader that misses it here
/// finds it in the database.
struct PendingStates {
    struct Item {
        var state: SourceState
        /// Increases with every save, so that a commit removes only the versions it wrote.
        var version: UInt64
    }

    var items: [String: Item] = [:]
    var nextVersion: UInt64 = 0
    /// When the oldest uncommitted save arrived.
    var oldest: ContinuousClock.Instant?

    mutating func add(_ state: SourceState, at now: ContinuousClock.Instant) {
        nextVersion += 1
        items[state.name] = Item(state: state, version: nextVersion)
        if oldest == nil { oldest = now }
    }

    /// Forgets the items written by a committed batch, unless a newer save replaced them.
    mutating func removeCommitted(_ batch: [Item]) {
        for item in batch where items[item.state.name]?.version == item.version {
            items[item.state.name] = nil
        }
        if items.isEmpty { oldest = nil }
    }
}
