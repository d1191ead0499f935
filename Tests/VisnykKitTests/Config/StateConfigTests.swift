import Foundation
import Testing
@testable import VisnykKit

@Suite("Config: [state]")
struct StateConfigTests {
    private static func state(_ body: String) throws -> StateConfig {
        try ConfigLoader.parse("[state]\n" + body, path: "/etc/visnyk/visnyk.toml").state
    }

    /// `line: key: message` of each problem; the [state] header is line 1.
    private static func found(_ body: String) -> [String] {
        do {
            _ = try ConfigLoader.parse("[state]\n" + body, path: "/etc/visnyk/visnyk.toml")
            return []
        } catch {
            return error.problems.map { "\($0.line.map(String.init) ?? "-"): \($0.key ?? "-"): \($0.message)" }
        }
    }

    @Test func withoutATableTheStateIsSQLite() throws {
        let config = try ConfigLoader.parse("interval = \"30m\"\n", path: "/etc/visnyk/visnyk.toml")
        #expect(config.state == StateConfig())
        #expect(config.state.backend == .sqlite)
        #expect(config.state.lease == .seconds(60))
    }

    @Test func postgresWithEveryKey() throws {
        let state = try Self.state("""
            backend = "postgres"
            url = "postgres://visnyk@db.example.org:5433/feeds"
            password_file = "secrets/pg"
            credential = "pg-pass"
            node = "feeds-1"
            lease = "30s"
            """)
        var expected = StateConfig()
        expected.backend = .postgres
        expected.url = "postgres://visnyk@db.example.org:5433/feeds"
        expected.passwordFile = "/etc/visnyk/secrets/pg"
        expected.credential = "pg-pass"
        expected.node = "feeds-1"
        expected.lease = .seconds(30)
        expected.line = 1
        #expect(state == expected)
        let url = try PostgresURL.parse(try #require(state.url)).get()
        #expect(url == PostgresURL(user: "visnyk", host: "db.example.org", port: 5433, database: "feeds", requireTLS: true))
    }

    @Test func tlsIsRequiredExceptOnLoopbackOrWhenDisabled() throws {
        #expect(try PostgresURL.parse("postgres://v@127.0.0.1/v").get().requireTLS == false)
        #expect(try PostgresURL.parse("postgres://v@localhost:5432/v").get().requireTLS == false)
        #expect(try PostgresURL.parse("postgres://v@db.lan/v").get().requireTLS == true)
        #expect(try PostgresURL.parse("postgres://v@db.lan/v?sslmode=disable").get().requireTLS == false)
        #expect(try PostgresURL.parse("postgresql://v@localhost/v?sslmode=require").get().requireTLS == true)
    }

    @Test func mistakesAreNamedWithTheirLine() {
        #expect(Self.found("backend = \"postgres\"\n")
                == ["2: state.backend: backend = \"postgres\" needs the database: add url = \"postgres://visnyk@db.example.org:5432/visnyk\""])
        #expect(Self.found("backend = \"mysql\"\nurl = \"postgres://v@h/d\"\n")
                == ["2: state.backend: \"mysql\" is not a state backend: write \"sqlite\" (a file in state_dir, the default) or \"postgres\" (a PostgreSQL database several daemons share, with url)",
                    "3: state.url: url is only read with backend = \"postgres\": add backend = \"postgres\", or remove url"])
        #expect(Self.found("backend = \"postgres\"\nurl = \"postgres://v:secret@h/d\"\n")
                == ["3: state.url: the URL holds a password: remove it, and put the password in a file named by password_file (or the credential postgres-password)"])
        #expect(Self.found("backend = \"postgres\"\nurl = \"postgres://v@h\"\n")
                == ["3: state.url: \"postgres://v@h\" names no database: end it with /NAME, like \"postgres://visnyk@db.example.org:5432/visnyk\""])
        #expect(Self.found("backend = \"postgres\"\nurl = \"mysql://v@h/d\"\n")
                == ["3: state.url: \"mysql://v@h/d\" is not a postgres:// URL: write it like \"postgres://visnyk@db.example.org:5432/visnyk\""])
        #expect(Self.found("password = \"secret\"\n")
                == ["2: state.password: put the database password in a file named by password_file, or in $CREDENTIALS_DIRECTORY/postgres-password (systemd LoadCredential=) — never in the config file"])
        #expect(Self.found("lease = \"1s\"\n")
                == ["2: state.lease: 1s is not a usable lease: write between \"2s\" and \"1h\" (default \"60s\")"])
        #expect(Self.found("node = \"two words\"\n")
                == ["2: state.node: \"two words\" is not a node name: write a short name without spaces, like node = \"feeds-1\", or remove it (host name and process id)"])
        #expect(Self.found("leases = \"30s\"\n").first?.hasPrefix("2: state.leases: unknown key: did you mean \"lease\"?") == true)
    }

    @Test func thePasswordComesFromTheFileThenTheCredential() throws {
        let dir = try TemporaryDirectory("visnyk-state-config")
        defer { dir.remove() }
        try "from-file\nignored\n".write(toFile: dir.appending("pg"), atomically: true, encoding: .utf8)
        try "from-credential".write(toFile: dir.appending("postgres-password"), atomically: true, encoding: .utf8)
        var state = StateConfig()
        state.backend = .postgres
        state.url = "postgres://v@localhost/v"
        #expect(try PostgresStateStore.password(for: state, environment: [:]) == nil)
        #expect(try PostgresStateStore.password(for: state, environment: ["CREDENTIALS_DIRECTORY": dir.path]) == "from-credential")
        state.passwordFile = dir.appending("pg")
        #expect(try PostgresStateStore.password(for: state, environment: ["CREDENTIALS_DIRECTORY": dir.path]) == "from-file")
        state.passwordFile = dir.appending("missing")
        #expect(throws: StoreError.self) { try PostgresStateStore.password(for: state, environment: [:]) }
    }
}
