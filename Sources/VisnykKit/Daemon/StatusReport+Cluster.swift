import Foundation

extension StatusReport {
    /// The daemons sharing a PostgreSQL state: who is alive, what each holds, how far behind
    /// the sources are.
    public struct ClusterRow: Sendable, Codable, Equatable {
        public var nodes: [ClusterNode]
        /// Sources due and not yet polled, and how late the latest of them is.
        public var overdue: Int
        public var maxLagSeconds: Int
    }

    static func clusterRow(store: any StateBackend, sources: [SourceRow], now: Date) throws -> ClusterRow? {
        guard let cluster = store.cluster else { return nil }
        let late = sources.compactMap { row -> TimeInterval? in
            guard row.enabled, row.health != "retired", let next = row.nextPoll, next < now else { return nil }
            return now.timeIntervalSince(next)
        }
        return ClusterRow(nodes: try cluster.nodes(now: now), overdue: late.count,
                          maxLagSeconds: Int(late.max() ?? 0))
    }

    func clusterLines(now: Date) -> [String] {
        guard let cluster else { return [] }
        var lines = ["cluster: \(cluster.nodes.count) node\(cluster.nodes.count == 1 ? "" : "s") alive; "
                     + (cluster.overdue == 0 ? "no source overdue"
                        : "\(cluster.overdue) sources overdue, the latest by \(Self.span(cluster.maxLagSeconds))")]
        for node in cluster.nodes {
            lines.append("  \(node.id): \(node.claimed) sources claimed now, \(node.polls) polls since "
                         + Self.when(node.startedAt, now: now) + ", heartbeat " + Self.when(node.heartbeatAt, now: now))
        }
        return lines
    }
}
