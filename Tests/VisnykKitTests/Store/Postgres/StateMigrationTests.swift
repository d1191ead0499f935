import Foundation
import GRDB
import Testing
@testable import VisnykKit

/// `visnyk migrate-state` from a SQLite state built by the real Deduper, SpoolWriter and digest
/// bookkeeping into a real PostgreSQL server, checked with SQL on both sides.
@Suite struct StateMigrationTests {
    let slot = Date(timeIntervalSince1970: 1_795_050_000)

    /// Twelve articles from A (three carried by B too), one of them edited, the sources'
    /// validators, a morning digest that delivered seqs 1…4, learned boilerplate and an alias.
    private func sqliteState() throws -> SpoolHarness {
        let h = try SpoolHarness()
        let entries = (0..<12).map { number in
            makeEntry(id: "a-\(number)", title: "Новина номер \(number) про міську раду",
                      text: "Міська рада на сесії номер \(number) ухвалила рішення про ремонт вулиці \(number), "
                        + "виділивши на роботи \(number * 1_000 + 500) тисяч гривень з бюджету на наступний рік. "
                        + "Депутати обговорювали питання \(number) майже дві години.")
        }
        _ = try h.deduper.accept(makeFeed(entries), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime)
        _ = try h.deduper.accept(makeFeed(Array(entries.prefix(3))), from: ArticleSource(name: "B", dedup: .global),
                                 fetchedAt: sampleFetchTime + 60)
        let edited = makeEntry(id: "a-0", title: entries[0].title ?? "",
                               text: "Виправлено: сесія перенесена, рішення про ремонт ухвалять наступного тижня після обговорення.")
        _ = try h.deduper.accept(makeFeed([edited]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime + 120)

        var a = SourceState(name: "A")
        a.currentURL = "https://a.example.org/feed.xml"
        a.etag = "\"a-17\""
        a.lastModified = "Wed, 18 Nov 2026 06:00:00 GMT"
        a.nextPollAt = sampleFetchTime + 1_800
        a.pollCount = 3
        var b = SourceState(name: "B")
        b.retired = true
        b.lastStatus = 410
        b.lastError = "410 Gone"
        b.nextPollAt = sampleFetchTime + 7_200.5
        try h.store.save(a)
        try h.store.save(b)

        try h.store.saveDigestState(DigestState(name: "morning", cursor: 0))
        try h.store.recordDelivery(DigestDelivery(digest: "morning", sentAt: slot + 5, messageID: "m1@test.host",
                                                  recipients: ["reader@example.org"], slot: slot, queueRange: 1...4, shown: [3, 1]))
        var learner = BoilerplateLearner()
        learner.observe(Array(BoilerplateArticles.entries().prefix(6)))
        try h.store.save(learner, forSource: "A")
        let first = try h.store.pool.read { db in try #require(try Data.fetchOne(db, sql: "SELECT hash FROM seen ORDER BY hash LIMIT 1")) }
        try h.store.recordAliases([(alias: SeenKey(scope: "", hash: Data(repeating: 7, count: 32)), target: first)])
        return h
    }

    private func sqlite(_ h: SpoolHarness, _ sql: String) throws -> [String] {
        try h.store.pool.read { db in try String.fetchAll(db, sql: sql) }
    }

    private func postgres(_ server: TestPostgresServer, _ config: StateConfig, _ sql: String) throws -> [String] {
        let database = try #require(config.url.flatMap { try? PostgresURL.parse($0).get() }).database
        let output = try server.sql(sql, database: database)
        return output.isEmpty ? [] : output.components(separatedBy: "\n")
    }

    /// With 5 rows per statement, every table crosses statement boundaries (near_bands's
    /// batches wait for their articles').
    @Test(arguments: [1_000, 5])
    func everySeenHashValidatorCursorAndDeliveryArrives(rowsPerStatement: Int) throws {
        let h = try sqliteState()
        defer { h.remove() }
        let server = try TestPostgresServer.shared()
        let target = try server.freshDatabase()
        let now = Date(timeIntervalSince1970: 1_795_100_000)
        // A seq handed out whose row is gone (pruned): it must never be handed out again.
        try h.store.write { db in try db.execute(sql: "DELETE FROM digest_queue WHERE seq = (SELECT max(seq) FROM digest_queue)") }
        #expect(try sqlite(h, "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'digest_queue') - (SELECT max(seq) FROM digest_queue)") == ["1"])
        var migration = StateMigration(from: h.dir.appending("state"), to: target, password: nil)
        migration.rowsPerStatement = rowsPerStatement
        let report = try migration.run(now: now)

        let tables = ["sources", "seen", "carriers", "entries", "seen_aliases", "digest_queue", "digest_state",
                      "digest_deliveries", "digest_delivered", "boilerplate", "near_articles"]
        for table in tables {
            let rows = try #require(Int(try sqlite(h, "SELECT count(*) FROM \(table)")[0]))
            #expect(report.copied(table) == rows, "\(table)")
            #expect(try postgres(server, target, "SELECT count(*) FROM \(table)") == ["\(rows)"], "\(table)")
        }
        #expect(try sqlite(h, "SELECT count(*) FROM seen") == ["13"])
        #expect(try sqlite(h, "SELECT count(*) FROM carriers") == ["3"])
        #expect(try Int(sqlite(h, "SELECT count(*) FROM near_articles")[0]) ?? 0 >= 12)

        #expect(try postgres(server, target, "SELECT scope || '|' || encode(hash, 'hex') || '|' || firstSeen || '|' || source || '|' || entryID || '|' || spoolFile FROM seen ORDER BY 1")
            == sqlite(h, "SELECT scope || '|' || lower(hex(hash)) || '|' || firstSeen || '|' || source || '|' || entryID || '|' || spoolFile FROM seen ORDER BY 1"))
        #expect(try postgres(server, target, "SELECT encode(hash, 'hex') || '|' || source FROM carriers ORDER BY 1")
            == sqlite(h, "SELECT lower(hex(hash)) || '|' || source FROM carriers ORDER BY 1"))
        #expect(try postgres(server, target, "SELECT source || '|' || entryID || '|' || encode(hash, 'hex') FROM entries ORDER BY 1")
            == sqlite(h, "SELECT source || '|' || entryID || '|' || lower(hex(hash)) FROM entries ORDER BY 1"))
        #expect(try postgres(server, target, "SELECT encode(hash, 'hex') || '>' || encode(target, 'hex') FROM seen_aliases")
            == sqlite(h, "SELECT lower(hex(hash)) || '>' || lower(hex(target)) FROM seen_aliases"))
        #expect(try postgres(server, target, "SELECT name || '|' || currentURL || '|' || etag || '|' || lastModified || '|' || nextPollAt || '|' || retired || '|' || pollCount FROM sources WHERE name = 'A'")
            == ["A|https://a.example.org/feed.xml|\"a-17\"|Wed, 18 Nov 2026 06:00:00 GMT|1795001800|false|3"])
        #expect(try postgres(server, target, "SELECT name || '|' || nextPollAt || '|' || retired || '|' || lastStatus || '|' || lastError FROM sources WHERE name = 'B'")
            == ["B|1795007200.5|true|410|410 Gone"])

        // The digest keeps its cursor, its delivery (id and seqs) and the queue's seqs.
        #expect(try postgres(server, target, "SELECT name || '|' || cursor || '|' || deliveries FROM digest_state") == ["morning|4|1"])
        #expect(try postgres(server, target, "SELECT id || '|' || digest || '|' || messageID || '|' || recipients || '|' || firstSeq || '-' || lastSeq FROM digest_deliveries")
            == ["1|morning|m1@test.host|[\"reader@example.org\"]|1-4"])
        #expect(try postgres(server, target, "SELECT delivery || '|' || seq || '|' || spoolFile FROM digest_delivered ORDER BY seq")
            == sqlite(h, "SELECT delivery || '|' || seq || '|' || spoolFile FROM digest_delivered ORDER BY seq"))
        #expect(try postgres(server, target, "SELECT seq || '|' || spoolFile || '|' || encode(hash, 'hex') FROM digest_queue ORDER BY seq")
            == sqlite(h, "SELECT seq || '|' || spoolFile || '|' || lower(hex(hash)) FROM digest_queue ORDER BY seq"))
        #expect(try postgres(server, target, "SELECT source || '|' || encode(samples, 'hex') || '|' || replace(lines || prefixes || headings, E'\\n', '/') FROM boilerplate")
            == sqlite(h, "SELECT source || '|' || lower(hex(samples)) || '|' || replace(lines || prefixes || headings, char(10), '/') FROM boilerplate"))

        // Near-duplicate ids kept, and each article's bands as rows.
        #expect(try postgres(server, target, "SELECT id || '|' || encode(story, 'hex') || '|' || time || '|' || encode(shingles, 'hex') FROM near_articles ORDER BY id")
            == sqlite(h, "SELECT id || '|' || lower(hex(story)) || '|' || time || '|' || lower(hex(shingles)) FROM near_articles ORDER BY id"))
        let bands = try h.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, bands FROM near_articles ORDER BY id").flatMap { row -> [String] in
                let id: Int64 = row[0]
                return StateMigrationCopy.bandKeys(row[1]).map { "\(id)|\($0)" }
            }
        }
        #expect(!bands.isEmpty)
        #expect(report.copied("near_bands") == bands.count)
        #expect(try postgres(server, target, "SELECT article || '|' || key FROM near_bands ORDER BY article, key") == bands)

        // Every source keeps its schedule in the cluster; the sequences go on past SQLite's.
        #expect(try postgres(server, target, "SELECT name || '|' || coalesce(host, '-') || '|' || due_at || '|' || configured_at FROM cluster_sources ORDER BY name")
            == ["A|-|1795001800|1795100000", "B|-|1795007200.5|1795100000"])
        let highestSeq = try #require(Int(try sqlite(h, "SELECT seq FROM sqlite_sequence WHERE name = 'digest_queue'")[0]))
        #expect(try postgres(server, target, "SELECT last_value || '|' || is_called FROM digest_queue_seq_seq") == ["\(highestSeq)|true"])
        #expect(try postgres(server, target, "SELECT last_value || '|' || is_called FROM digest_deliveries_id_seq") == ["1|true"])
        let highestArticle = try #require(Int(try sqlite(h, "SELECT max(id) FROM near_articles")[0]))
        #expect(try postgres(server, target, "SELECT last_value || '|' || is_called FROM near_articles_id_seq") == ["\(highestArticle)|true"])
        #expect(report.text.contains("seen") && report.text.hasPrefix("Copied \(h.dir.appending("state/visnyk.sqlite"))"))

        // The PostgreSQL store reads back what the SQLite one holds.
        let store = try PostgresStateStore(config: target, password: nil)
        for name in ["A", "B"] {
            #expect(try store.sourceState(named: name) == h.store.sourceState(named: name))
        }
        #expect(try store.allDigestStates() == h.store.allDigestStates())
        #expect(try store.deliveries(ofDigest: "morning", limit: 10) == h.store.deliveries(ofDigest: "morning", limit: 10))
        #expect(try store.queuedArticles(after: 0) == h.store.queuedArticles(after: 0))
        #expect(try store.latestQueueSeq() == h.store.latestQueueSeq())
        #expect(try store.seenCount() == h.store.seenCount())
        // Every seen hash and entry identity answers as it did: nothing would be spooled again.
        let seen = try h.store.pool.read { db in try Row.fetchAll(db, sql: "SELECT scope, hash, source, entryID, spoolFile FROM seen") }
        let queries = seen.map { SeenQuery(key: SeenKey(scope: $0[0], hash: $0[1]), source: $0[2], entryID: $0[3]) }
        let answers = try store.lookUp(queries)
        let expected = try h.store.lookUp(queries)
        #expect(answers.map(\.owner) == seen.map { $0[2] as String? })
        #expect(answers.map(\.owner) == expected.map(\.owner) && answers.map(\.identityHash) == expected.map(\.identityHash))
        #expect(try seen.allSatisfy { try store.isSpoolFileRecorded($0[4]) })
        #expect(try store.aliasTargets(of: [SeenKey(scope: "", hash: Data(repeating: 7, count: 32))]) == h.store.aliasTargets(of: [SeenKey(scope: "", hash: Data(repeating: 7, count: 32))]))
    }

    @Test func aSecondMigrationIsRefusedAndAMergeAddsOnlyWhatIsNew() throws {
        let h = try sqliteState()
        defer { h.remove() }
        let server = try TestPostgresServer.shared()
        let target = try server.freshDatabase()
        let state = h.dir.appending("state")
        _ = try StateMigration(from: state, to: target, password: nil).run()
        let counts = "SELECT (SELECT count(*) FROM seen) || '|' || (SELECT count(*) FROM digest_queue) || '|' || (SELECT count(*) FROM digest_deliveries) || '|' || (SELECT count(*) FROM near_articles) || '|' || (SELECT count(*) FROM near_bands)"
        let before = try postgres(server, target, counts)

        let url = try #require(target.url.flatMap { try? PostgresURL.parse($0).get() }).display
        #expect(throws: StateMigrationError.targetNotEmpty(url: url, seen: true, sources: true)) {
            try StateMigration(from: state, to: target, password: nil).run()
        }
        // The same state merged again: nothing is there twice.
        var merge = StateMigration(from: state, to: target, password: nil, merge: true)
        merge.rowsPerStatement = 3
        let again = try merge.run()
        #expect(again.tables.allSatisfy { $0.copied == 0 }, "\(again.tables)")
        #expect(try postgres(server, target, counts) == before)

        // Another node's state: its new article is queued after the migrated ones.
        let other = try SpoolHarness()
        defer { other.remove() }
        let fresh = makeEntry(id: "c-1", title: "Нова новина з іншого вузла",
                              text: "Ця новина прийшла на інший вузол і має з'явитися в спільному стані один раз.")
        _ = try other.deduper.accept(makeFeed([fresh]), from: ArticleSource(name: "C", dedup: .global), fetchedAt: sampleFetchTime + 300)
        let merged = try StateMigration(from: other.dir.appending("state"), to: target, password: nil, merge: true).run()
        #expect(merged.copied("seen") == 1 && merged.copied("digest_queue") == 1 && merged.copied("sources") == 0)
        #expect(try postgres(server, target, "SELECT count(*) FROM digest_queue WHERE source = 'C' AND seq > (SELECT max(seq) FROM digest_queue WHERE source <> 'C')") == ["1"])
        #expect(try postgres(server, target, "SELECT count(*) FROM seen") == ["14"])
    }

    @Test func aFailureHalfwayLeavesTheTargetEmpty() throws {
        let h = try sqliteState()
        defer { h.remove() }
        try h.store.write { db in try db.execute(sql: "UPDATE digest_queue SET spooledAt = 'soon' WHERE seq = 2") }
        let server = try TestPostgresServer.shared()
        let target = try server.freshDatabase()
        #expect(throws: StateMigrationError.unreadableValue(path: h.dir.appending("state/visnyk.sqlite"), table: "digest_queue",
                                                            column: "spooledAt", value: "the text \"soon\"")) {
            try StateMigration(from: h.dir.appending("state"), to: target, password: nil).run()
        }
        // sources and seen were copied before digest_queue failed, and rolled back with it.
        #expect(try postgres(server, target, "SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM seen) + (SELECT count(*) FROM cluster_sources)") == ["0"])
    }

    @Test func anOlderSQLiteStateIsBroughtUpToDateAndCopied() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let hash = Data((0..<32).map { UInt8($0) })
        do {
            let queue = try DatabaseQueue(path: dir.appending(StateStore.fileName))
            try queue.write { db in
                try db.execute(sql: StateStoreMigrationTests.v2Schema)
                try db.execute(sql: "INSERT INTO sources (name, etag, lastModified) VALUES ('A', '\"v2\"', 'Tue, 17 Nov 2026 10:00:00 GMT')")
                try db.execute(sql: "INSERT INTO seen VALUES ('', ?, 1794000000, 1794000000, 'A', 'old-1', '1794000000.old.test.host.json')",
                               arguments: [hash])
            }
        }
        let server = try TestPostgresServer.shared()
        let target = try server.freshDatabase()
        let report = try StateMigration(from: "\(dir.path)/\(StateStore.fileName)", to: target, password: nil).run()
        #expect(report.copied("sources") == 1 && report.copied("seen") == 1 && report.copied("digest_queue") == 0)
        #expect(try postgres(server, target, "SELECT etag || '|' || lastModified FROM sources") == ["\"v2\"|Tue, 17 Nov 2026 10:00:00 GMT"])
        #expect(try postgres(server, target, "SELECT encode(hash, 'hex') FROM seen") == [hash.map { String(format: "%02x", $0) }.joined()])
    }

    @Test func aMissingStateABadURLAndAnUnreachableServerAreClearErrors() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let h = try sqliteState()
        defer { h.remove() }
        var target = StateConfig()
        target.backend = .postgres
        target.url = "postgres://visnyk@127.0.0.1:1/visnyk"

        #expect(throws: StateMigrationError.noSQLiteState(path: dir.appending(StateStore.fileName))) {
            try StateMigration(from: dir.path, to: target, password: nil).run()
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appending(StateStore.fileName)))

        let unreachable = #expect(throws: StateMigrationError.self) {
            try StateMigration(from: h.dir.appending("state"), to: target, password: nil).run()
        }
        guard case .database(let error) = unreachable else {
            Issue.record("expected a database error, got \(String(describing: unreachable))")
            return
        }
        #expect(error.kind == .unreachable && error.path == "postgres://visnyk@127.0.0.1:1/visnyk")
        #expect(error.description.hasPrefix("Cannot reach the PostgreSQL state database postgres://visnyk@127.0.0.1:1/visnyk"))

        target.url = "mysql://visnyk@127.0.0.1/visnyk"
        let bad = #expect(throws: StateMigrationError.self) {
            try StateMigration(from: h.dir.appending("state"), to: target, password: nil).run()
        }
        #expect(bad?.description.contains("is not a postgres:// URL") == true)
    }
}
