import Foundation

/// What the daemon, the deduper, the digests and `visnyk status` need of the state, whichever
/// database holds it: the embedded SQLite file (``StateStore``, the default) or a PostgreSQL
/// database shared by several daemons (``PostgresStateStore``). Callers hold an
/// `any StateBackend` and never learn which one it is.
///
/// Every method is synchronous and safe to call from several tasks at once; a write is one
/// transaction. Errors are ``StoreError``s that name the database and say what to do.
public protocol StateBackend: AnyObject, Sendable {
    /// Where the state lives, for messages: a file path or a `postgres://` URL without password.
    var location: String { get }

    // MARK: Source states
    func sourceState(named name: String) throws(StoreError) -> SourceState?
    func sourceStates(named names: [String]) throws(StoreError) -> [String: SourceState]
    func allSourceStates() throws(StoreError) -> [SourceState]
    func retiredSourceNames() throws(StoreError) -> Set<String>
    func save(_ state: SourceState) throws(StoreError)
    /// Queues `state` for the next batch commit; reads see it at once.
    func enqueueSave(_ state: SourceState) throws(StoreError)
    func flushStates() throws(StoreError)
    var hasQueuedStates: Bool { get }
    /// The state queued for `name` and not committed yet (nil when none, or when states are
    /// written at once).
    func queuedState(named name: String) -> SourceState?
    func removeSourceState(named name: String) throws(StoreError)

    // MARK: Seen articles
    /// The seen row and the entry identity of every query, in one read.
    func lookUp(_ queries: [SeenQuery]) throws(StoreError) -> [SeenLookup]
    func isSpoolFileRecorded(_ fileName: String) throws(StoreError) -> Bool
    /// Records, in ONE transaction, the spooled files' hashes (false: another writer recorded
    /// the same key first, its file is a duplicate), the digest queue, sightings, dropped
    /// near-duplicates and the near-duplicate index.
    func record(_ records: [SpoolRecord], sightings: [Sighting], dropped: [DroppedNearDuplicate],
                nearDuplicates: NearDuplicateStorage, at time: Date) throws(StoreError) -> [Bool]
    func aliasTargets(of keys: [SeenKey]) throws(StoreError) -> [Data?]
    func recordAliases(_ aliases: [(alias: SeenKey, target: Data)]) throws(StoreError)
    func pruneSeen(before date: Date) throws(StoreError) -> Int
    func seenCount() throws(StoreError) -> Int
    func carriers(ofHash contentHash: String, scope: String) throws(StoreError) -> [String]
    func carriers(ofHashes hashes: [Data]) throws(StoreError) -> [Data: [String]]

    // MARK: Filters
    func hasFiltered(source: String) throws(StoreError) -> Bool
    func filteredHashes(among hashes: [Data], source: String) throws(StoreError) -> Set<Data>
    func recordFiltered(_ articles: [(hash: Data, entryID: String)], source: String, at time: Date) throws(StoreError)
    func filteredCount(source: String) throws(StoreError) -> Int

    // MARK: Learned boilerplate
    func boilerplateLearner(forSource name: String) throws(StoreError) -> BoilerplateLearner
    func save(_ learner: BoilerplateLearner, forSource name: String) throws(StoreError)
    func removeBoilerplate(forSource name: String) throws(StoreError)

    // MARK: Near-duplicates
    func nearDuplicateStories(_ lookups: [NearDuplicateLookup], settings: NearDuplicateSettings) throws(StoreError) -> [String?]
    func nearDuplicateIndexCount() throws(StoreError) -> Int

    // MARK: Digests
    func digestState(named name: String) throws(StoreError) -> DigestState?
    func allDigestStates() throws(StoreError) -> [DigestState]
    func saveDigestState(_ state: DigestState) throws(StoreError)
    func recordDelivery(_ delivery: DigestDelivery) throws(StoreError)
    func queuedArticles(after cursor: Int64) throws(StoreError) -> [QueuedArticle]
    func latestQueueSeq() throws(StoreError) -> Int64
    func lastQueueSeq(spooledBefore date: Date) throws(StoreError) -> Int64
    func pruneDigestQueue(before date: Date) throws(StoreError) -> Int
    func deliveries(ofDigest digest: String, limit: Int) throws(StoreError) -> [DigestDelivery]

    /// Held from reading a digest's state to recording its delivery, so that no two
    /// processes (or nodes) send the same digest; nil while another holds it.
    func acquireDigestLock(digest: String) throws(StoreError) -> (any DigestLockHolder)?

    /// The cluster this store coordinates, nil for a store only one daemon uses (SQLite).
    var cluster: (any ClusterCoordinator)? { get }
}

/// A held digest lock; released when the last reference goes.
public protocol DigestLockHolder: AnyObject, Sendable {}

extension StateBackend {
    func record(_ records: [SpoolRecord], sightings: [Sighting], at time: Date) throws(StoreError) -> [Bool] {
        try record(records, sightings: sightings, dropped: [], nearDuplicates: NearDuplicateStorage(), at: time)
    }

    public func carriers(ofHash contentHash: String) throws(StoreError) -> [String] {
        try carriers(ofHash: contentHash, scope: "")
    }
}
