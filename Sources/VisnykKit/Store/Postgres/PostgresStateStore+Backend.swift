/// Everything the daemon asks of its state, on PostgreSQL.
extension PostgresStateStore: StateBackend {
    public func acquireDigestLock(digest: String) throws(StoreError) -> (any DigestLockHolder)? {
        try PostgresDigestLock.acquire(digest: digest, session: session)
    }
}
