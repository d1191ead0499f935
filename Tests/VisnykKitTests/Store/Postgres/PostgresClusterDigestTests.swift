import Foundation
import Testing
@testable import VisnykKit

/// Two nodes on one PostgreSQL state and one shared spool, through the real Deduper and
/// DigestDeliverer: an article fetched by both is spooled once, and a digest slot is sent once.
@Suite("PostgreSQL cluster: dedup and digests across nodes")
struct PostgresClusterDigestTests {
    private struct TwoNodes {
        let dir: TemporaryDirectory
        let config: VisnykConfig
        let a: PostgresStateStore
        let b: PostgresStateStore
        let spoolA: SpoolWriter
        let spoolB: SpoolWriter

        init() throws {
            let harness = try PostgresSeenHarness()
            dir = try TemporaryDirectory("visnyk-cluster")
            var config = VisnykConfig(path: dir.appending("visnyk.toml"))
            config.stateDir = dir.appending("state")
            config.spoolDir = dir.appending("spool")
            config.sources = [makeSource("Alpha"), makeSource("Beta")]
            config.state = harness.config
            config.digests = [makeDigest()]
            config.mail = MailConfig(transport: .maildir, maildir: dir.appending("mail"))
            self.config = config
            a = harness.store
            b = try harness.node()
            spoolA = try SpoolWriter(directory: config.spoolDir, format: .json, host: "node-a")
            spoolB = try SpoolWriter(directory: config.spoolDir, format: .json, host: "node-b")
        }

        func sentMessages() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.appending("mail/new"))) ?? []).sorted()
        }
    }

    @Test func anArticleFetchedByTwoNodesAtOnceIsSpooledOnce() async throws {
        let nodes = try TwoNodes()
        defer { nodes.dir.remove() }
        let entries = (0..<40).map { makeDatedEntry("story-\($0)", title: "Новина \($0)", text: "Текст новини номер \($0).") }
        let outcomes = try await withThrowingTaskGroup(of: AcceptOutcome.self) { group in
            for (store, spool, source) in [(nodes.a, nodes.spoolA, "Alpha"), (nodes.b, nodes.spoolB, "Beta")] {
                group.addTask {
                    try Deduper(store: store, spool: spool)
                        .accept(makeFeed(entries, title: source), from: ArticleSource(name: source, dedup: .global),
                                fetchedAt: sampleFetchTime)
                }
            }
            var all: [AcceptOutcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.map(\.new).reduce(0, +) == 40, "each story is new on exactly one node")
        let spooled = try FileManager.default.contentsOfDirectory(atPath: nodes.config.spoolDir + "/new")
        #expect(spooled.count == 40)
        #expect(try FileManager.default.contentsOfDirectory(atPath: nodes.config.spoolDir + "/tmp").isEmpty)
        #expect(try nodes.a.queuedArticles(after: 0).count == 40)
    }

    @Test func aSlotIsSentByOneNodeOnly() async throws {
        let nodes = try TwoNodes()
        defer { nodes.dir.remove() }
        _ = try Deduper(store: nodes.a, spool: nodes.spoolA)
            .accept(makeFeed([makeDatedEntry("a", title: "Новина", text: "Текст.")], title: "Alpha"),
                    from: ArticleSource(name: "Alpha", dedup: .global), fetchedAt: sampleFetchTime)
        let digest = makeDigest()
        let slot = sampleFetchTime + 1_800
        let onA = DigestDeliverer(config: nodes.config, store: nodes.a, environment: [:])
        let onB = DigestDeliverer(config: nodes.config, store: nodes.b, environment: [:])
        // B holds the digest's lock: A waits, recording nothing.
        var held = try nodes.b.acquireDigestLock(digest: digest.name)
        #expect(held != nil)
        #expect(try nodes.a.acquireDigestLock(digest: digest.name) == nil)
        #expect(try nodes.a.acquireDigestLock(digest: "another digest") != nil, "the lock is per digest")
        #expect(try await onA.deliver(digest, slot: slot, now: slot) == .busy)
        #expect(try nodes.a.digestState(named: digest.name) == nil)
        held = nil
        guard case .sent = try await onA.deliver(digest, slot: slot, now: slot) else {
            Issue.record("expected A to send once the lock was free")
            return
        }
        // B looked at the schedule before A recorded the slot: it must not send it again.
        #expect(try await onB.deliver(digest, slot: slot, now: slot + 5) == .busy)
        #expect(nodes.sentMessages().count == 1)
        #expect(try nodes.b.digestState(named: digest.name)?.deliveries == 1)
    }
}
