import Foundation

/// The embedded SQLite state is the default ``StateBackend``: one daemon (and the commands run
/// beside it) on one machine, so there is no cluster to coordinate.
extension StateStore: StateBackend {
    public var location: String { path }

    public var cluster: (any ClusterCoordinator)? { nil }

    /// One delivery at a time across the processes sharing the state directory (any digest).
    public func acquireDigestLock(digest: String) throws(StoreError) -> (any DigestLockHolder)? {
        try DigestLock.acquire(stateDirectory: (path as NSString).deletingLastPathComponent)
    }
}
