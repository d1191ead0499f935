import Foundation
import Testing
@testable import VisnykKit

/// Opening a PostgreSQL state store on a real server (Support/TestPostgresServer): the schema,
/// nodes opening together, and the errors a wrong password or an absent server give.
@Suite struct PostgresStateStoreTests {
    @Test func freshDatabaseIsMigratedOnce() throws {
        let server = try TestPostgresServer.shared()
        let config = try server.freshDatabase()
        _ = try PostgresStateStore(config: config, password: nil)
        _ = try PostgresStateStore(config: config, password: nil)
        let applied = try server.sql("SELECT id FROM visnyk_migrations ORDER BY id", in: config)
        #expect(applied.split(separator: "\n").map(String.init) == PostgresSchema.migrations.map(\.id).sorted())
        let tables = try server.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", in: config)
        #expect(Set(tables.split(separator: "\n").map(String.init)).isSuperset(of: ["sources", "seen", "digest_queue", "cluster_sources"]))
    }

    @Test func storesOpeningTogetherMigrateOnce() throws {
        let server = try TestPostgresServer.shared()
        let config = try server.freshDatabase()
        let failures = PthreadMutexBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                _ = try PostgresStateStore(config: config, password: nil)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let count = try server.sql("SELECT count(*) FROM visnyk_migrations", in: config)
        #expect(count == String(PostgresSchema.migrations.count))
    }

    @Test func twoStoresOnOneDatabaseSeeEachOthersWrites() throws {
        let server = try TestPostgresServer.shared()
        var config = try server.freshDatabase()
        config.node = "node-a"
        let first = try PostgresStateStore(config: config, password: nil)
        config.node = "node-b"
        let second = try PostgresStateStore(config: config, password: nil)

        var state = SourceState(name: "Leopolis.news")
        state.etag = "\"v1\""
        state.nextPollAt = Date(timeIntervalSince1970: 1_795_000_600)
        try first.enqueueSave(state)
        #expect(try second.sourceState(named: "Leopolis.news") == state)
        state.etag = "\"v2\""
        try second.save(state)
        #expect(try first.sourceState(named: "Leopolis.news")?.etag == "\"v2\"")

        try second.saveDigestState(DigestState(name: "morning", cursor: 5))
        #expect(try first.digestState(named: "morning")?.cursor == 5)
        try first.recordFiltered([(Data(repeating: 7, count: 32), "e-1")], source: "Leopolis.news", at: Date())
        #expect(try second.filteredCount(source: "Leopolis.news") == 1)
        try second.removeSourceState(named: "Leopolis.news")
        #expect(try first.allSourceStates().isEmpty)
    }

    @Test func passwordLoginsAndWrongPasswordIsPermissionDenied() throws {
        let server = try TestPostgresServer.start(password: "s3cret pass")
        defer { server.stop() }
        let config = try server.freshDatabase()
        let password = try PostgresStateStore.password(for: config, environment: [:])
        #expect(password == "s3cret pass")
        let store = try PostgresStateStore(config: config, password: password)
        #expect(store.location == config.url)

        let error = #expect(throws: StoreError.self) {
            _ = try PostgresStateStore(config: config, password: "wrong")
        }
        #expect(error?.kind == .permissionDenied)
        #expect(error?.description.contains(config.url!) == true)
        let missing = #expect(throws: StoreError.self) {
            _ = try PostgresStateStore(config: config, password: nil)
        }
        #expect(missing?.kind == .permissionDenied || missing?.kind == .unreachable)
        #expect(missing?.description.contains(config.url!) == true)
    }

    @Test func serverNotListeningIsUnreachable() throws {
        let server = try TestPostgresServer.start()
        var config = try server.freshDatabase()
        server.stop()
        config.url = server.url
        let error = #expect(throws: StoreError.self) {
            _ = try PostgresStateStore(config: config, password: nil)
        }
        #expect(error?.kind == .unreachable)
        #expect(error?.description.contains(server.url) == true)
    }
}
