import ArgumentParser
import Foundation
import VisnykKit

struct MigrateStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-state",
        abstract: "Copy a single daemon's SQLite state into PostgreSQL, for a cluster of daemons.",
        discussion: """
            Stop the daemon first. Every seen hash, validator, digest cursor and delivery is copied \
            in one transaction: on any failure the PostgreSQL database is left as it was. The \
            database must hold no state yet, unless --merge is given. Without --from or --to, \
            they come from the configuration's state_dir and [state] url.
            """
    )

    @Option(help: ArgumentHelp("The SQLite state: its directory (state_dir) or its visnyk.sqlite.",
                               valueName: "sqlite:PATH"))
    var from: String?

    @Option(help: ArgumentHelp("The PostgreSQL database, without a password.",
                               valueName: "postgres://USER@HOST:PORT/DB"))
    var to: String?

    @Option(name: .customLong("password-file"),
            help: ArgumentHelp("A file whose first line is the database password.", valueName: "FILE"))
    var passwordFile: String?

    @Flag(help: "Add the state to a database that already holds one; rows already there are kept.")
    var merge = false

    @Option(name: .customLong("config"),
            help: ArgumentHelp("Take --from (state_dir) and --to ([state] url and password) from this configuration when not given.",
                               valueName: "FILE"))
    var configPath: String?

    func run() throws {
        var state = StateConfig()
        var sqlitePath = try from.map(Self.sqlitePath(of:))
        if sqlitePath == nil || to == nil {
            var option = ConfigOption()
            if let configPath { option.path = configPath }
            let config = try option.load()
            sqlitePath = sqlitePath ?? config.stateDir
            if to == nil {
                guard config.state.backend == .postgres, config.state.url != nil else {
                    throw ValidationError("\(option.path) names no PostgreSQL database: give --to postgres://USER@HOST:PORT/DB, or set backend = \"postgres\" and url in its [state]")
                }
            }
            state = config.state
        }
        if let to {
            if case .failure(let problem) = PostgresURL.parse(to) {
                throw ValidationError("--to: \(problem.message)")
            }
            state.url = to
        }
        if let passwordFile { state.passwordFile = passwordFile }
        guard let sqlitePath else { throw ValidationError("give --from sqlite:PATH, the state directory") }
        let migration = StateMigration(from: sqlitePath, to: state,
                                       password: try Console.opening { try PostgresStateStore.password(for: state) },
                                       merge: merge)
        let report = try Console.opening { try migration.run() }
        Console.out(report.text)
    }

    /// `sqlite:PATH` (or `sqlite://PATH`, or a plain path) to PATH.
    static func sqlitePath(of text: String) throws -> String {
        var path = Substring(text)
        if path.hasPrefix("sqlite:") {
            path = path.dropFirst("sqlite:".count)
            if path.hasPrefix("//") { path = path.dropFirst(2) }
        } else if path.contains("://") {
            throw ValidationError("--from \(text): write the SQLite state as sqlite:PATH, like sqlite:/var/lib/visnyk")
        }
        guard !path.isEmpty else {
            throw ValidationError("--from \(text) names no path: write it like sqlite:/var/lib/visnyk")
        }
        return String(path)
    }
}
