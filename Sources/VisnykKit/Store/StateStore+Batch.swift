import Foundation
import GRDB

/// Source states are saved in batches: one transaction (and one fsync) for up to
/// `stateBatchSize` polls or `stateBatchDelay`, instead of one per poll. This is crash-safe
/// because a state only carries validators of articles the Deduper has already committed:
/// a state lost in a crash only makes the next poll fetch again, and its entries are seen.
extension StateStore {
    static let stateBatchSize = 64
    static let stateBatchDelay: Duration = .milliseconds(100)

    /// Queues `state` for the next batch, and commits the batch when it is full or old enough.
    /// Until then, `sourceState(named:)` and `allSourceStates()` already return it.
    public func enqueueSave(_ state: SourceState) throws(StoreError) {
        let now = ContinuousClock.now
        let due = pending.withLock { pending -> Bool in
            pending.add(state, at: now)
            return pending.items.count >= Self.stateBatchSize
                || pending.oldest.map { now - $0 >= Self.stateBatchDelay } ?? false
        }
        if due { try flushStates() }
    }

    /// Commits every queued state in one transaction. On failure they stay queued.
    public func flushStates() throws(StoreError) {
        guard pending.withLock({ !$0.items.isEmpty }) else { return }
        let batch = try write { db -> [PendingStates.Item] in
            // Taken inside the write, which is serialized, so batches commit in version order.
            let batch = pending.withLock { Array($0.items.values) }
            let statement = try db.cachedStatement(sql: Self.saveSQL)
            for item in batch { try statement.execute(arguments: item.state.databaseValues) }
            return batch
        }
        pending.withLock { $0.removeCommitted(batch) }
    }

    /// Whether saved states wait for a commit.
    public var hasQueuedStates: Bool {
        pending.withLock { !$0.items.isEmpty }
    }

    public func queuedState(named name: String) -> SourceState? {
        pending.withLock { $0.items[name]?.state }
    }

    func queuedStates() -> [String: SourceState] {
        pending.withLock { $0.items.mapValues(\.state) }
    }
}
