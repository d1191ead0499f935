import PostgresNIO

/// The PostgreSQL schema, one migration per version (never edit one once shipped: add the
/// next). Mirrors the SQLite schema (StateStore+Migrations): BYTEA for hashes, BIGINT Unix
/// seconds for integer times, DOUBLE PRECISION where SQLite keeps REAL seconds, so that
/// `visnyk migrate-state` copies values as they are.
enum PostgresSchema {
    static let migrations: [(id: String, sql: String)] = [
        ("v1: sources, seen, digests, cluster", v1),
    ]

    /// Applies the migrations not applied yet, under a transaction-level advisory lock so that
    /// nodes starting at once do not race; refuses a database migrated by a newer Visnyk.
    static func migrate(_ session: PostgresSession) throws(StoreError) {
        try session.transaction { link throws(StoreError) in
            try link.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
            try link.execute("CREATE TABLE IF NOT EXISTS visnyk_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            var applied = Set<String>()
            for row in try link.query("SELECT id FROM visnyk_migrations") {
                applied.insert(try row.decodedColumn(String.self, database: session.url.display))
            }
            let known = Set(migrations.map(\.id))
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty {
                throw StoreError(kind: .newerSchema, path: session.url.display,
                                 detail: "unknown migrations: \(unknown.sorted().joined(separator: ", "))")
            }
            for migration in migrations where !applied.contains(migration.id) {
                // A prepared statement holds one command: run them one by one.
                for statement in statements(of: migration.sql) { try link.execute(statement) }
                var binds = Binds()
                binds.add(migration.id)
                try link.execute("INSERT INTO visnyk_migrations (id) VALUES ($1)", binds.bindings)
            }
        }
    }

    /// The commands of a migration: `--` comments removed, split at each `;` (the migrations
    /// hold no `;` or `--` in string literals).
    static func statements(of sql: String) -> [String] {
        let uncommented = sql.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "--").map { line[..<$0.lowerBound] } ?? line }
            .joined(separator: "\n")
        return uncommented.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// pg_advisory_xact_lock key of the migration ("visnyk" in ASCII).
    static let lockKey: Int64 = 0x76_69_73_6E_79_6B

    static let v1 = """
        CREATE TABLE sources (
            name TEXT NOT NULL PRIMARY KEY,
            currentURL TEXT, etag TEXT, lastModified TEXT,
            nextPollAt DOUBLE PRECISION, lastPollAt DOUBLE PRECISION, lastSuccessAt DOUBLE PRECISION,
            lastStatus BIGINT, lastError TEXT,
            consecutiveFailures BIGINT NOT NULL DEFAULT 0, failingSince DOUBLE PRECISION,
            retired BOOLEAN NOT NULL DEFAULT false,
            newCount BIGINT NOT NULL DEFAULT 0, duplicateCount BIGINT NOT NULL DEFAULT 0,
            updateCount BIGINT NOT NULL DEFAULT 0, pollCount BIGINT NOT NULL DEFAULT 0,
            notModifiedCount BIGINT NOT NULL DEFAULT 0,
            lastWarning TEXT,
            telegramLastPost BIGINT
        );
        CREATE TABLE seen (
            scope TEXT NOT NULL,
            hash BYTEA NOT NULL,
            firstSeen BIGINT NOT NULL,
            lastSeen BIGINT NOT NULL,
            source TEXT NOT NULL,
            entryID TEXT NOT NULL,
            spoolFile TEXT NOT NULL,
            PRIMARY KEY (scope, hash)
        );
        CREATE UNIQUE INDEX seen_spoolFile ON seen (spoolFile);
        CREATE INDEX seen_lastSeen ON seen (lastSeen);
        CREATE TABLE carriers (
            scope TEXT NOT NULL,
            hash BYTEA NOT NULL,
            source TEXT NOT NULL,
            firstSeen BIGINT NOT NULL,
            PRIMARY KEY (scope, hash, source),
            FOREIGN KEY (scope, hash) REFERENCES seen (scope, hash) ON DELETE CASCADE
        );
        CREATE TABLE entries (
            source TEXT NOT NULL,
            entryID TEXT NOT NULL,
            hash BYTEA NOT NULL,
            PRIMARY KEY (source, entryID)
        );
        CREATE TABLE seen_aliases (
            scope TEXT NOT NULL,
            hash BYTEA NOT NULL,
            target BYTEA NOT NULL,
            PRIMARY KEY (scope, hash),
            FOREIGN KEY (scope, target) REFERENCES seen (scope, hash) ON DELETE CASCADE
        );
        CREATE INDEX seen_aliases_target ON seen_aliases (scope, target);
        CREATE TABLE digest_queue (
            seq BIGSERIAL PRIMARY KEY,
            spooledAt BIGINT NOT NULL,
            source TEXT NOT NULL,
            spoolFile TEXT NOT NULL,
            hash BYTEA NOT NULL,
            title TEXT,
            link TEXT,
            published DOUBLE PRECISION,
            sameStoryAs BYTEA
        );
        CREATE INDEX digest_queue_spooledAt ON digest_queue (spooledAt);
        CREATE TABLE digest_state (
            name TEXT NOT NULL PRIMARY KEY,
            cursor BIGINT NOT NULL DEFAULT 0,
            lastSlot DOUBLE PRECISION, lastDeliveredAt DOUBLE PRECISION, lastMessageID TEXT,
            lastArticleCount BIGINT NOT NULL DEFAULT 0,
            deliveries BIGINT NOT NULL DEFAULT 0,
            failures BIGINT NOT NULL DEFAULT 0,
            failingSince DOUBLE PRECISION, lastError TEXT, nextAttemptAt DOUBLE PRECISION
        );
        CREATE TABLE digest_deliveries (
            id BIGSERIAL PRIMARY KEY,
            digest TEXT NOT NULL,
            sentAt DOUBLE PRECISION NOT NULL,
            messageID TEXT NOT NULL,
            recipients TEXT NOT NULL,
            slot DOUBLE PRECISION,
            firstSeq BIGINT,
            lastSeq BIGINT
        );
        CREATE INDEX digest_deliveries_digest ON digest_deliveries (digest, id);
        CREATE INDEX digest_deliveries_sentAt ON digest_deliveries (sentAt);
        CREATE TABLE digest_delivered (
            delivery BIGINT NOT NULL REFERENCES digest_deliveries (id) ON DELETE CASCADE,
            seq BIGINT NOT NULL,
            spoolFile TEXT,
            PRIMARY KEY (delivery, seq)
        );
        CREATE TABLE boilerplate (
            source TEXT NOT NULL PRIMARY KEY,
            samples BYTEA NOT NULL,
            lines TEXT NOT NULL,
            prefixes TEXT NOT NULL,
            headings TEXT NOT NULL
        );
        -- The near-duplicate index: one row per article (shingles: the sorted 32-bit shingle
        -- hashes, little-endian, as in SQLite), and one per article and LSH band.
        CREATE TABLE near_articles (
            id BIGSERIAL PRIMARY KEY,
            story BYTEA NOT NULL,
            time BIGINT NOT NULL,
            shingles BYTEA NOT NULL
        );
        CREATE INDEX near_articles_time ON near_articles (time);
        CREATE TABLE near_bands (
            key BIGINT NOT NULL,
            article BIGINT NOT NULL REFERENCES near_articles (id) ON DELETE CASCADE,
            PRIMARY KEY (key, article)
        );
        CREATE INDEX near_bands_article ON near_bands (article);
        -- The cluster. A source is claimed by one node until lease_until; host is what
        -- per-host politeness is counted on.
        CREATE TABLE cluster_sources (
            name TEXT NOT NULL PRIMARY KEY,
            host TEXT,
            due_at DOUBLE PRECISION,
            lease_node TEXT,
            lease_until DOUBLE PRECISION,
            configured_at DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX cluster_sources_due ON cluster_sources (due_at);
        CREATE INDEX cluster_sources_lease ON cluster_sources (lease_node);
        CREATE TABLE cluster_nodes (
            id TEXT NOT NULL PRIMARY KEY,
            started_at DOUBLE PRECISION NOT NULL,
            heartbeat_at DOUBLE PRECISION NOT NULL,
            polls BIGINT NOT NULL DEFAULT 0
        );
        -- Retry-After from 429/503, for every node.
        CREATE TABLE cluster_host_pauses (
            host TEXT NOT NULL PRIMARY KEY,
            until_at DOUBLE PRECISION NOT NULL
        );
        """
}
