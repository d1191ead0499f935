import Foundation

/// How daemons sharing one state database split the work: each claims due sources under a
/// lease (node id, expiry), renews it while polling and releases it with the next poll time;
/// a node that dies stops renewing, and its sources are claimed again once the lease expires.
/// Host pauses (Retry-After) are kept centrally so that every node honours them.
public protocol ClusterCoordinator: Sendable {
    /// This daemon's id in the cluster: `host:pid` unless configured.
    var nodeID: String { get }
    /// How long a claim holds without renewal (default 60 s).
    var leaseDuration: Duration { get }

    /// Announces this node (heartbeat row) and makes sure every configured source has a row:
    /// new ones are due at once, spread by `claim` order.
    func join(sources: [ClusterSource], now: Date) throws(StoreError)
    /// Claims up to `limit` due sources among `sources` for this node: not retired, not leased
    /// (or leased but expired), host not paused, and no more than `perHost` leases held on one
    /// host across the cluster. Also refreshes this node's heartbeat.
    func claimDue(limit: Int, perHost: Int, now: Date) throws(StoreError) -> [ClaimedSource]
    /// Extends this node's leases on `names` (polls still running).
    func renew(_ names: [String], now: Date) throws(StoreError)
    /// Ends this node's lease on `name`; `nextPollAt` is when it is due again.
    func release(_ name: String, nextPollAt: Date) throws(StoreError)
    /// Pauses `host` for every node until `until` (429/503 with Retry-After).
    func pauseHost(_ host: String, until: Date) throws(StoreError)
    /// Leaves the cluster on shutdown: leases released (due again at once), heartbeat removed.
    func leave() throws(StoreError)
    /// The nodes seen alive (heartbeat within three leases), with their claimed sources.
    func nodes(now: Date) throws(StoreError) -> [ClusterNode]
}

/// A configured source as the cluster knows it: name, and the host its politeness is counted on.
public struct ClusterSource: Sendable, Equatable {
    public var name: String
    public var host: String?

    public init(name: String, host: String?) {
        self.name = name
        self.host = host
    }
}

/// A source this node claimed, and when it was due (for the scheduler's lag).
public struct ClaimedSource: Sendable, Equatable {
    public var name: String
    public var dueAt: Date?

    public init(name: String, dueAt: Date?) {
        self.name = name
        self.dueAt = dueAt
    }
}

/// One daemon of the cluster, as `visnyk status` shows it.
public struct ClusterNode: Sendable, Equatable, Codable {
    public var id: String
    public var startedAt: Date
    public var heartbeatAt: Date
    /// Sources whose lease this node holds now.
    public var claimed: Int
    /// Polls finished by this node since it started.
    public var polls: Int64

    public init(id: String, startedAt: Date, heartbeatAt: Date, claimed: Int, polls: Int64) {
        self.id = id
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.claimed = claimed
        self.polls = polls
    }
}
