import Foundation
import Testing
@testable import VisnykKit

/// Leases, host limits and pauses on a real PostgreSQL server, between two nodes (two stores
/// with their own connection pools, as two daemons would have). Times are passed explicitly:
/// "after the lease" is a `now` past it, never a sleep.
@Suite("PostgreSQL cluster: leases", .serialized)
struct PostgresClusterTests {
    private func twoNodes(lease: Duration = .seconds(60)) throws -> (PostgresCluster, PostgresCluster) {
        var config = try TestPostgresServer.shared().freshDatabase()
        config.lease = lease
        config.node = "a"
        let a = try PostgresStateStore(config: config, password: nil)
        config.node = "b"
        let b = try PostgresStateStore(config: config, password: nil)
        return (a.coordinator, b.coordinator)
    }

    private func sources(_ count: Int, host: String?) -> [ClusterSource] {
        (0..<count).map { ClusterSource(name: "\(host ?? "file")-\($0)", host: host) }
    }

    @Test func aClaimedSourceIsNobodyElsesUntilReleased() throws {
        let (a, b) = try twoNodes()
        let now = Date()
        let all = sources(10, host: nil)
        try a.join(sources: all, now: now)
        try b.join(sources: all, now: now)
        let first = try a.claimDue(limit: 100, perHost: 2, now: now)
        #expect(Set(first.map(\.name)) == Set(all.map(\.name)))
        #expect(try b.claimDue(limit: 100, perHost: 2, now: now).isEmpty)
        // Released with a next poll in the past: due again, for whoever claims first.
        for claim in first.prefix(3) { try a.release(claim.name, nextPollAt: now.addingTimeInterval(-1)) }
        // Released with a next poll in an hour: nobody may claim it before then.
        for claim in first.dropFirst(3) { try a.release(claim.name, nextPollAt: now.addingTimeInterval(3_600)) }
        let second = try b.claimDue(limit: 100, perHost: 2, now: now)
        #expect(Set(second.map(\.name)) == Set(first.prefix(3).map(\.name)))
        for claim in second { try b.release(claim.name, nextPollAt: now.addingTimeInterval(3_600)) }
        #expect(try a.claimDue(limit: 100, perHost: 2, now: now.addingTimeInterval(3_599)).isEmpty)
        #expect(try a.claimDue(limit: 100, perHost: 2, now: now.addingTimeInterval(3_601)).count == 10)
    }

    @Test func aDeadNodesLeasesAreTakenOverOnceExpired() throws {
        let (a, b) = try twoNodes(lease: .seconds(5))
        let now = Date()
        try a.join(sources: sources(4, host: nil), now: now)
        #expect(try a.claimDue(limit: 10, perHost: 2, now: now).count == 4)
        // a dies: no renewal, no release.
        #expect(try b.claimDue(limit: 10, perHost: 2, now: now.addingTimeInterval(4)).isEmpty)
        let taken = try b.claimDue(limit: 10, perHost: 2, now: now.addingTimeInterval(5.5))
        #expect(taken.count == 4)
        // a's late release of a source b now holds changes nothing.
        try a.release(taken[0].name, nextPollAt: now)
        #expect(try a.claimDue(limit: 10, perHost: 2, now: now.addingTimeInterval(6)).isEmpty)
    }

    @Test func renewingKeepsALongPollFromBeingTakenOver() throws {
        let (a, b) = try twoNodes(lease: .seconds(5))
        let now = Date()
        try a.join(sources: sources(2, host: nil), now: now)
        let claimed = try a.claimDue(limit: 10, perHost: 2, now: now).map(\.name)
        try a.renew(claimed, now: now.addingTimeInterval(4))
        #expect(try b.claimDue(limit: 10, perHost: 2, now: now.addingTimeInterval(8)).isEmpty)
        #expect(try b.claimDue(limit: 10, perHost: 2, now: now.addingTimeInterval(9.5)).count == 2)
    }

    @Test func perHostLimitHoldsAcrossNodes() throws {
        let (a, b) = try twoNodes()
        let now = Date()
        let slow = sources(6, host: "slow.example.org"), other = sources(3, host: "other.example.org")
        try a.join(sources: slow + other, now: now)
        let first = try a.claimDue(limit: 100, perHost: 2, now: now)
        #expect(first.filter { $0.name.hasPrefix("slow") }.count == 2)
        #expect(first.filter { $0.name.hasPrefix("other") }.count == 2)
        let second = try b.claimDue(limit: 100, perHost: 2, now: now)
        #expect(second.isEmpty, "both hosts are at their limit of 2 polls in flight")
        try a.release(first[0].name, nextPollAt: now.addingTimeInterval(600))
        #expect(try b.claimDue(limit: 100, perHost: 2, now: now).count == 1)
    }

    @Test func aPausedHostIsLeftAloneByEveryNode() throws {
        let (a, b) = try twoNodes()
        let now = Date()
        try a.join(sources: sources(2, host: "busy.example.org") + sources(1, host: "calm.example.org"), now: now)
        try a.pauseHost("busy.example.org", until: now.addingTimeInterval(120))
        #expect(try b.claimDue(limit: 10, perHost: 5, now: now).map(\.name) == ["calm.example.org-0"])
        try b.release("calm.example.org-0", nextPollAt: now.addingTimeInterval(3_600))
        #expect(try b.claimDue(limit: 10, perHost: 5, now: now.addingTimeInterval(119)).isEmpty)
        #expect(Set(try b.claimDue(limit: 10, perHost: 5, now: now.addingTimeInterval(121)).map(\.name))
                == ["busy.example.org-0", "busy.example.org-1"])
    }

    @Test func concurrentClaimsNeverHandOneSourceToTwoNodes() async throws {
        let (a, b) = try twoNodes()
        let now = Date()
        try a.join(sources: (0..<20).flatMap { sources(10, host: "h\($0).example.org") }, now: now)
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for round in 0..<20 {
                let node = round % 2 == 0 ? a : b
                group.addTask { try node.claimDue(limit: 15, perHost: 3, now: now).map(\.name) }
            }
            var all: [String] = []
            for try await names in group { all += names }
            return all
        }
        #expect(claims.count == Set(claims).count, "a source was claimed twice")
        #expect(claims.count == 60, "3 per host on 20 hosts")
    }

    @Test func statusSeesBothNodesAndLeavingReleasesEverything() throws {
        let (a, b) = try twoNodes()
        let now = Date()
        try a.join(sources: sources(5, host: nil), now: now)
        try b.join(sources: sources(5, host: nil), now: now)
        #expect(try a.claimDue(limit: 3, perHost: 2, now: now).count == 3)
        #expect(try b.claimDue(limit: 10, perHost: 2, now: now).count == 2)
        let nodes = try b.nodes(now: now)
        #expect(nodes.map(\.id) == ["a", "b"])
        #expect(nodes.map(\.claimed) == [3, 2])
        try a.leave()
        #expect(try b.nodes(now: now).map(\.id) == ["b"])
        #expect(try b.claimDue(limit: 10, perHost: 2, now: now).count == 3)
    }
}
