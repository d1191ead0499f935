import GRDB

extension StateStore {
    /// The schema, one registered migration per version; never edit a migration once shipped,
    /// add the next one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, seen, carriers, entries") { db in
            try db.execute(sql: """
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
                -- One row per article spooled. scope is '' for dedup = "global", else the source
                -- name; hash is the 32 bytes of the SHA-256. WITHOUT ROWID: the primary key is
                -- the table's own B-tree, so a lookup or insert is one descent at any size.
                CREATE TABLE seen (
                    scope TEXT NOT NULL,
                    hash BLOB NOT NULL,
                    firstSeen INTEGER NOT NULL,
                    lastSeen INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    entryID TEXT NOT NULL,
                    spoolFile TEXT NOT NULL,
                    PRIMARY KEY (scope, hash)
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX seen_spoolFile ON seen (spoolFile);
                CREATE INDEX seen_lastSeen ON seen (lastSeen);
                -- Other sources that carried an article already spooled.
                CREATE TABLE carriers (
                    scope TEXT NOT NULL,
                    hash BLOB NOT NULL,
                    source TEXT NOT NULL,
                    firstSeen INTEGER NOT NULL,
                    PRIMARY KEY (scope, hash, source),
                    FOREIGN KEY (scope, hash) REFERENCES seen (scope, hash) ON DELETE CASCADE
                ) WITHOUT ROWID;
                -- The last content hash of each (source, entry id): a new hash for a known
                -- identity is an edit, spooled as an update.
                CREATE TABLE entries (
                    source TEXT NOT NULL,
                    entryID TEXT NOT NULL,
                    hash BLOB NOT NULL,
                    PRIMARY KEY (source, entryID)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: sources.lastWarning") { db in
            try db.execute(sql: "ALTER TABLE sources ADD COLUMN lastWarning TEXT")
        }
        return migrator
    }()
}
