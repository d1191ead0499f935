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
        migrator.registerMigration("v3: digests") { db in
            try db.execute(sql: """
                -- One row per NEW article spooled (not per update), written in the transaction
                -- that records it in `seen`. AUTOINCREMENT: a seq is never reused, even after
                -- pruning, so a digest's cursor (the last seq it delivered) stays meaningful.
                -- hash is the 32 bytes of the SHA-256; published is Unix seconds.
                CREATE TABLE digest_queue (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    spooledAt INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    spoolFile TEXT NOT NULL,
                    hash BLOB NOT NULL,
                    title TEXT,
                    link TEXT,
                    published REAL
                );
                CREATE INDEX digest_queue_spooledAt ON digest_queue (spooledAt);
                -- Each configured digest's progress; dates are Unix seconds.
                CREATE TABLE digest_state (
                    name TEXT NOT NULL PRIMARY KEY,
                    cursor INTEGER NOT NULL DEFAULT 0,
                    lastSlot REAL, lastDeliveredAt REAL, lastMessageID TEXT,
                    lastArticleCount INTEGER NOT NULL DEFAULT 0,
                    deliveries INTEGER NOT NULL DEFAULT 0,
                    failures INTEGER NOT NULL DEFAULT 0,
                    failingSince REAL, lastError TEXT, nextAttemptAt REAL
                );
                -- The delivery log: one row per message accepted by the mail server
                -- (recipients a JSON array of strings), and one per article it showed (its
                -- spool file copied, so the log outlives the pruned queue row).
                CREATE TABLE digest_deliveries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    digest TEXT NOT NULL,
                    sentAt REAL NOT NULL,
                    messageID TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    slot REAL,
                    firstSeq INTEGER,
                    lastSeq INTEGER
                );
                CREATE INDEX digest_deliveries_digest ON digest_deliveries (digest, id);
                CREATE INDEX digest_deliveries_sentAt ON digest_deliveries (sentAt);
                CREATE TABLE digest_delivered (
                    delivery INTEGER NOT NULL REFERENCES digest_deliveries (id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    spoolFile TEXT,
                    PRIMARY KEY (delivery, seq)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v4: telegram") { db in
            // The newest post id read from a Telegram channel, to page back over a gap.
            try db.execute(sql: "ALTER TABLE sources ADD COLUMN telegramLastPost INTEGER")
        }
        migrator.registerMigration("v5: learned boilerplate") { db in
            try db.execute(sql: """
                -- Per source, what BoilerplateLearner remembers: its window of recent entries
                -- (BoilerplateWindow.encoded: 64-bit keys, no text) and the learned lines,
                -- prefixes and headings, normalized, one per line.
                CREATE TABLE boilerplate (
                    source TEXT NOT NULL PRIMARY KEY,
                    samples BLOB NOT NULL,
                    lines TEXT NOT NULL,
                    prefixes TEXT NOT NULL,
                    headings TEXT NOT NULL
                );
                -- A content hash that names an article recorded under another hash: the hash an
                -- entry has once learned boilerplate left its text, pointing at the hash it was
                -- recorded with before the line was learned. Forgotten with that article.
                CREATE TABLE seen_aliases (
                    scope TEXT NOT NULL,
                    hash BLOB NOT NULL,
                    target BLOB NOT NULL,
                    PRIMARY KEY (scope, hash),
                    FOREIGN KEY (scope, target) REFERENCES seen (scope, hash) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE INDEX seen_aliases_target ON seen_aliases (scope, target);
                """)
        }
        migrator.registerMigration("v6: near-duplicate index") { db in
            try db.execute(sql: StateStore.nearDuplicateSchema)
        }
        return migrator
    }()
}
