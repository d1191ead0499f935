import Foundation
import GRDB
import Testing
@testable import VisnykKit

@Suite struct StateStoreMigrationTests {
    /// The schema as Visnyk shipped it at v2, written here verbatim: a migration must upgrade
    /// the files in the field, whatever the migrations in the code look like now.
    static let v2Schema = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        CREATE TABLE sources (
            name TEXT NOT NULL PRIMARY KEY,
            currentURL TEXT, etag TEXT, lastModified TEXT,
            nextPollAt REAL, lastPollAt REAL, lastSuccessAt REAL,
            lastStatus INTEGER, lastError TEXT,
            consecutiveFailures INTEGER NOT NULL DEFAULT 0, failingSince REAL,
            retired INTEGER NOT NULL DEFAULT 0,
            newCount INTEGER NOT NULL DEFAULT 0, duplicateCount INTEGER NOT NULL DEFAULT 0,
            updateCount INTEGER NOT NULL DEFAULT 0, pollCount INTEGER NOT NULL DEFAULT 0,
            notModifiedCount INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE seen (
            scope TEXT NOT NULL, hash BLOB NOT NULL, firstSeen INTEGER NOT NULL, lastSeen INTEGER NOT NULL,
            source TEXT NOT NULL, entryID TEXT NOT NULL, spoolFile TEXT NOT NULL,
            PRIMARY KEY (scope, hash)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX seen_spoolFile ON seen (spoolFile);
        CREATE INDEX seen_lastSeen ON seen (lastSeen);
        CREATE TABLE carriers (
            scope TEXT NOT NULL, hash BLOB NOT NULL, source TEXT NOT NULL, firstSeen INTEGER NOT NULL,
            PRIMARY KEY (scope, hash, source),
            FOREIGN KEY (scope, hash) REFERENCES seen (scope, hash) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE TABLE entries (
            source TEXT NOT NULL, entryID TEXT NOT NULL, hash BLOB NOT NULL,
            PRIMARY KEY (source, entryID)
        ) WITHOUT ROWID;
        ALTER TABLE sources ADD COLUMN lastWarning TEXT;
        INSERT INTO grdb_migrations VALUES ('v1: sources, seen, carriers, entries'), ('v2: sources.lastWarning');
        """

    @Test func aV2DatabaseGainsTheDigestTablesAndKeepsItsState() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let old = makeEntry(id: "old-1", title: "Стара новина", text: "Ця новина була в базі до оновлення Visnyk до версії з дайджестами.")
        let new = makeEntry(id: "new-1", title: "Нова новина", text: "А ця прийшла вже після оновлення і має потрапити в чергу дайджесту.")
        let dir = h.dir.appending("v2-state")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: (dir as NSString).appendingPathComponent(StateStore.fileName))
            try queue.write { db in
                try db.execute(sql: Self.v2Schema)
                try db.execute(sql: "INSERT INTO sources (name, etag, lastWarning) VALUES ('A', '\"v2\"', 'repaired')")
                try db.execute(sql: """
                    INSERT INTO seen VALUES ('', ?, 1794000000, 1794000000, 'A', 'old-1', '1794000000.old.test.host.json')
                    """, arguments: [ContentHash.digestBytes(old.contentHash)])
            }
        }

        let store = try StateStore(directory: dir)
        let (tables, migrations) = try store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(Set(tables).isSuperset(of: ["digest_queue", "digest_state", "digest_deliveries", "digest_delivered"]))
        #expect(migrations.contains("v3: digests") && migrations.count == StateStore.migrator.migrations.count)
        #expect(try store.sourceState(named: "A")?.etag == "\"v2\"")
        #expect(try store.seenCount() == 1)
        #expect(try store.latestQueueSeq() == 0 && store.allDigestStates().isEmpty)

        // The old article stays seen (not queued again); the new one is queued.
        let deduper = Deduper(store: store, spool: h.spool)
        let outcome = try deduper.accept(makeFeed([old, new]), from: ArticleSource(name: "A", dedup: .global), fetchedAt: sampleFetchTime)
        #expect(outcome.new == 1 && outcome.duplicates == 1)
        #expect(try store.queuedArticles(after: 0).map(\.title) == ["Нова новина"])
    }
}
