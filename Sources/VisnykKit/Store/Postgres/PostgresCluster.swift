import Foundation
import PostgresNIO

/// ``ClusterCoordinator`` on the shared PostgreSQL database (tables `cluster_*`).
final class PostgresCluster: ClusterCoordinator, Sendable {
    let session: PostgresSession
    let nodeID: String
    let leaseDuration: Duration

    init(session: PostgresSession, nodeID: String, leaseDuration: Duration) {
        self.session = session
        self.nodeID = nodeID
        self.leaseDuration = leaseDuration
    }

    static func defaultNodeID() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid())"
    }

    private var leaseSeconds: Double {
        Double(leaseDuration.components.seconds) + Double(leaseDuration.components.attoseconds) / 1e18
    }

    /// pg_advisory_xact_lock key that serializes claims, so per-host counts are exact.
    static let claimLockKey: Int64 = 0x76_69_73_6E_79_6C

    func join(sources: [ClusterSource], now: Date) throws(StoreError) {
        let time = now.timeIntervalSince1970
        try session.transaction { link throws(StoreError) in
            var binds = Binds()
            binds.add(nodeID)
            binds.bindings.append(time)
            try link.execute("""
                INSERT INTO cluster_nodes (id, started_at, heartbeat_at) VALUES ($1, $2, $2)
                ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, polls = 0
                """, binds.bindings)
            // A source new to the cluster is due now, or at the time its state says.
            var rows = Binds()
            rows.add(sources.map(\.name))
            rows.add(sources.map { $0.host ?? "" })
            rows.bindings.append(time)
            try link.execute("""
                INSERT INTO cluster_sources (name, host, due_at, configured_at)
                SELECT n, NULLIF(h, ''), s.nextPollAt, $3 FROM unnest($1::text[], $2::text[]) AS u(n, h)
                LEFT JOIN sources s ON s.name = u.n
                ON CONFLICT (name) DO UPDATE SET host = excluded.host
                """, rows.bindings)
        }
    }

    func claimDue(limit: Int, perHost: Int, now: Date) throws(StoreError) -> [ClaimedSource] {
        guard limit > 0 else { return [] }
        let time = now.timeIntervalSince1970
        return try session.transaction { link throws(StoreError) in
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.claimLockKey))")
            var heartbeat = Binds()
            heartbeat.add(nodeID)
            heartbeat.bindings.append(time)
            try link.execute("UPDATE cluster_nodes SET heartbeat_at = $2 WHERE id = $1", heartbeat.bindings)
            var binds = Binds()
            binds.add(nodeID)
            binds.bindings.append(time)
            binds.bindings.append(time + leaseSeconds)
            binds.add(limit)
            binds.add(perHost)
            let rows = try link.query("""
                WITH busy AS (
                    SELECT host, count(*) AS n FROM cluster_sources
                    WHERE lease_until > $2 AND host IS NOT NULL GROUP BY host
                ), candidates AS (
                    SELECT c.name, c.host, c.due_at,
                           row_number() OVER (PARTITION BY c.host ORDER BY c.due_at NULLS FIRST, c.name) AS rank
                    FROM cluster_sources c
                    LEFT JOIN sources s ON s.name = c.name
                    WHERE (c.due_at IS NULL OR c.due_at <= $2)
                      AND (c.lease_until IS NULL OR c.lease_until <= $2)
                      AND NOT coalesce(s.retired, false)
                      AND (c.host IS NULL OR NOT EXISTS (
                          SELECT 1 FROM cluster_host_pauses p WHERE p.host = c.host AND p.until_at > $2))
                ), allowed AS (
                    SELECT k.name FROM candidates k LEFT JOIN busy b ON b.host = k.host
                    WHERE k.host IS NULL OR k.rank + coalesce(b.n, 0) <= $5
                    ORDER BY k.due_at NULLS FIRST, k.name
                    LIMIT $4
                ), locked AS (
                    SELECT c.name FROM cluster_sources c JOIN allowed a ON a.name = c.name
                    FOR UPDATE OF c SKIP LOCKED
                )
                UPDATE cluster_sources c SET lease_node = $1, lease_until = $3
                FROM locked WHERE c.name = locked.name
                RETURNING c.name, c.due_at
                """, binds.bindings)
            // A row that did not decode would leave its source leased and never polled until
            // the lease ran out: an error instead, and the transaction is rolled back.
            var claimed: [ClaimedSource] = []
            for row in rows {
                let (name, due) = try row.decodedColumns((String, Double?).self, database: session.url.display)
                claimed.append(ClaimedSource(name: name, dueAt: due.map { Date(timeIntervalSince1970: $0) }))
            }
            return claimed
        }
    }

    func renew(_ names: [String], now: Date) throws(StoreError) {
        let time = now.timeIntervalSince1970
        try session.withConnection { link throws(StoreError) in
            var binds = Binds()
            binds.add(nodeID)
            binds.bindings.append(time)
            try link.execute("UPDATE cluster_nodes SET heartbeat_at = $2 WHERE id = $1", binds.bindings)
            guard !names.isEmpty else { return }
            var renew = Binds()
            renew.add(nodeID)
            renew.add(names)
            renew.bindings.append(time + leaseSeconds)
            try link.execute("UPDATE cluster_sources SET lease_until = $3 WHERE lease_node = $1 AND name = ANY($2)",
                             renew.bindings)
        }
    }

    func release(_ name: String, nextPollAt: Date) throws(StoreError) {
        try session.withConnection { link throws(StoreError) in
            var binds = Binds()
            binds.add(nodeID)
            binds.add(name)
            binds.bindings.append(nextPollAt.timeIntervalSince1970)
            try link.execute("""
                UPDATE cluster_sources SET lease_node = NULL, lease_until = NULL, due_at = $3
                WHERE name = $2 AND lease_node = $1
                """, binds.bindings)
            try link.execute("UPDATE cluster_nodes SET polls = polls + 1 WHERE id = $1", {
                var node = Binds()
                node.add(nodeID)
                return node.bindings
            }())
        }
    }

    func pauseHost(_ host: String, until: Date) throws(StoreError) {
        try session.withConnection { link throws(StoreError) in
            var binds = Binds()
            binds.add(host)
            binds.bindings.append(until.timeIntervalSince1970)
            try link.execute("""
                INSERT INTO cluster_host_pauses (host, until_at) VALUES ($1, $2)
                ON CONFLICT (host) DO UPDATE SET until_at = greatest(cluster_host_pauses.until_at, excluded.until_at)
                """, binds.bindings)
        }
    }

    func leave() throws(StoreError) {
        try session.transaction { link throws(StoreError) in
            var binds = Binds()
            binds.add(nodeID)
            try link.execute("UPDATE cluster_sources SET lease_node = NULL, lease_until = NULL WHERE lease_node = $1",
                             binds.bindings)
            try link.execute("DELETE FROM cluster_nodes WHERE id = $1", binds.bindings)
        }
    }

    func nodes(now: Date) throws(StoreError) -> [ClusterNode] {
        try session.withConnection { link throws(StoreError) in
            var binds = Binds()
            binds.bindings.append(now.timeIntervalSince1970 - 3 * leaseSeconds)
            binds.bindings.append(now.timeIntervalSince1970)
            let rows = try link.query("""
                SELECT n.id, n.started_at, n.heartbeat_at, n.polls,
                       (SELECT count(*) FROM cluster_sources c WHERE c.lease_node = n.id AND c.lease_until > $2)
                FROM cluster_nodes n WHERE n.heartbeat_at >= $1 ORDER BY n.id
                """, binds.bindings)
            var nodes: [ClusterNode] = []
            for row in rows {
                let (id, started, heartbeat, polls, claimed) = try row.decodedColumns(
                    (String, Double, Double, Int64, Int64).self, database: session.url.display)
                nodes.append(ClusterNode(id: id, startedAt: Date(timeIntervalSince1970: started),
                                         heartbeatAt: Date(timeIntervalSince1970: heartbeat), claimed: Int(claimed), polls: polls))
            }
            return nodes
        }
    }
}
