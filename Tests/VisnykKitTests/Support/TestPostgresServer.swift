import Foundation
@testable import VisnykKit

/// A real PostgreSQL 15 server for the tests (Debian package `postgresql`): `initdb` into a
/// fresh temp directory, `pg_ctl start` listening on 127.0.0.1 only, on a free port, with its
/// unix socket inside that directory. As root (CI), initdb and postgres refuse to run, so they
/// run as the unprivileged `postgres` user the package creates.
///
/// The superuser role and the first database are both `visnyk`; authentication is trust, or
/// SCRAM with ``start(password:)``'s password. Each test takes its own empty database on one
/// server with ``freshDatabase()``. ``shared()`` is one trust server for the whole test run,
/// stopped when the process exits; a server from ``start(password:)`` is the caller's to
/// ``stop()``. A watchdog stops either if the test process dies without cleaning up.
final class TestPostgresServer: Sendable {
    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    static let binaries = "/usr/lib/postgresql/15/bin"

    let port: Int
    let password: String?
    /// The temp directory: `data/` (the cluster), `socket/`, `postgres.log`.
    let directory: String
    /// A file holding ``password`` (for `[state] password_file`), nil without a password.
    let passwordFile: String?

    /// `postgres://visnyk@127.0.0.1:PORT/visnyk`.
    var url: String { url(database: "visnyk") }

    var logFile: String { (directory as NSString).appendingPathComponent("postgres.log") }

    /// A postgres `[state]` on the `visnyk` database (with ``passwordFile`` when there is a password).
    var stateConfig: StateConfig { stateConfig(database: "visnyk") }

    func url(database: String) -> String {
        "postgres://visnyk@127.0.0.1:\(port)/\(database)"
    }

    func stateConfig(database: String) -> StateConfig {
        var config = StateConfig()
        config.backend = .postgres
        config.url = url(database: database)
        config.passwordFile = passwordFile
        return config
    }

    /// Creates an empty database with a unique name and returns its `[state]`.
    func freshDatabase() throws -> StateConfig {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try sql("CREATE DATABASE \(name)")
        return stateConfig(database: name)
    }

    /// Runs `statements` with psql on the database of `config` (one from ``freshDatabase()``).
    @discardableResult
    func sql(_ statements: String, in config: StateConfig) throws -> String {
        try sql(statements, database: String((config.url ?? "").split(separator: "/").last ?? "visnyk"))
    }

    /// Runs `statements` with psql on `database` (stopping at the first error) and returns
    /// its output: rows unaligned, columns separated by `|`, no headers.
    @discardableResult
    func sql(_ statements: String, database: String = "visnyk") throws -> String {
        let result = try Self.run("\(Self.binaries)/psql",
                                  ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                                   "-p", String(port), "-U", "visnyk", "-d", database, "-c", statements],
                                  environment: password.map { ["PGPASSWORD": $0] } ?? [:])
        guard result.status == 0 else {
            throw StartFailed(description: "psql on \(url(database: database)) failed (\(result.status)): \(result.output)")
        }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server shared by the whole test run (trust authentication), started at first use.
    static func shared() throws -> TestPostgresServer {
        try sharedServer.get()
    }

    private static let sharedServer: Result<TestPostgresServer, any Error> = {
        let result = Result(catching: { try TestPostgresServer.start() })
        if case .success = result {
            atexit { try? TestPostgresServer.sharedServer.get().stop() }
        }
        return result
    }()

    /// Starts a new server; with `password`, TCP logins need it (SCRAM-SHA-256).
    static func start(password: String? = nil) throws -> TestPostgresServer {
        let directory = try TemporaryDirectory("visnyk-pg").path
        do {
            return try start(in: directory, password: password)
        } catch {
            // Keep the log for the message; remove the cluster (it may be large).
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent("data"))
            throw error
        }
    }

    private static func start(in directory: String, password: String?) throws -> TestPostgresServer {
        let data = (directory as NSString).appendingPathComponent("data")
        let socket = (directory as NSString).appendingPathComponent("socket")
        let log = (directory as NSString).appendingPathComponent("postgres.log")
        try FileManager.default.createDirectory(atPath: socket, withIntermediateDirectories: true)
        var initdb = ["-D", data, "-U", "visnyk", "--encoding=UTF8", "--locale=C", "--no-sync"]
        var passwordFile: String?
        if let password {
            let serverCopy = (directory as NSString).appendingPathComponent("pwfile")
            try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: serverCopy))
            initdb += ["--pwfile=\(serverCopy)", "--auth-local=trust", "--auth-host=scram-sha-256"]
            let clientCopy = (directory as NSString).appendingPathComponent("password")
            try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: clientCopy))
            passwordFile = clientCopy
        } else {
            initdb += ["--auth=trust"]
        }
        if getuid() == 0 {
            let chown = try run("/bin/chown", ["-R", "postgres:postgres", directory])
            guard chown.status == 0 else {
                throw StartFailed(description: "cannot give \(directory) to the postgres user: \(chown.output)")
            }
        }
        let made = try run(asServer: "initdb", initdb)
        guard made.status == 0 else {
            throw StartFailed(description: "initdb into \(data) failed (\(made.status)): \(made.output)")
        }
        // A port found free may be taken before postgres binds it: try a few.
        var failures: [String] = []
        for _ in 0..<3 {
            let port = try freePort()
            let options = "-c listen_addresses=127.0.0.1 -p \(port) -k \(socket) -c fsync=off "
                + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
            let started = try run(asServer: "pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"])
            if started.status == 0, try isReady(port: port) {
                try startWatchdog(directory: directory, data: data)
                let server = TestPostgresServer(port: port, password: password, directory: directory, passwordFile: passwordFile)
                do {
                    // initdb makes only `postgres`.
                    try server.sql("CREATE DATABASE visnyk", database: "postgres")
                } catch {
                    server.stop()
                    throw error
                }
                return server
            }
            failures.append("port \(port): \(started.output)")
            _ = try? run(asServer: "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
        }
        throw StartFailed(description: "PostgreSQL did not start (\(failures.joined(separator: "; "))); see its log \(log)")
    }

    private init(port: Int, password: String?, directory: String, passwordFile: String?) {
        self.port = port
        self.password = password
        self.directory = directory
        self.passwordFile = passwordFile
    }

    /// Stops the server at once (no checkpoint) and removes its directory; safe to call twice.
    func stop() {
        let data = (directory as NSString).appendingPathComponent("data")
        if FileManager.default.fileExists(atPath: data) {
            _ = try? Self.run(asServer: "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// pg_isready until the server accepts connections (pg_ctl -w already waited; this makes
    /// sure it is the TCP listener on `port` that answers).
    private static func isReady(port: Int) throws -> Bool {
        for _ in 0..<60 {
            let ready = try run("\(binaries)/pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port), "-U", "visnyk", "-d", "visnyk"])
            if ready.status == 0 { return true }
            if ready.status == 2 || ready.status == 3 { return false }
            usleep(250_000)
        }
        return false
    }

    /// Checks every second that this process is alive: when it has gone without calling
    /// stop(), stops the server and removes its directory; ends when stop() removed it. The
    /// shell puts the loop in the background and exits, so nothing is left to reap.
    private static func startWatchdog(directory: String, data: String) throws {
        let asServer = getuid() == 0 ? "/usr/sbin/runuser -u postgres -- " : ""
        let script = """
            ( while kill -0 \(getpid()) 2>/dev/null && [ -d '\(directory)' ]; do sleep 1; done
              [ -d '\(data)' ] && \(asServer)\(binaries)/pg_ctl -D '\(data)' -m immediate stop
              rm -rf '\(directory)' ) &
            """
        let started = try run("/bin/sh", ["-c", script])
        guard started.status == 0 else {
            throw StartFailed(description: "cannot start the watchdog of \(directory): \(started.output)")
        }
    }

    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw StartFailed(description: "socket(): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw StartFailed(description: "cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a server binary, as the `postgres` user when this process is root.
    private static func run(asServer tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let path = "\(binaries)/\(tool)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw StartFailed(description: "no \(path): install PostgreSQL 15 (scripts/setup installs the Debian package postgresql)")
        }
        if getuid() == 0 {
            return try run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
        }
        return try run(path, arguments)
    }

    /// Runs `executable` and waits for it; its output (stdout and stderr) goes to a temp file.
    /// posix_spawn rather than Foundation's Process, which waits until every holder of a
    /// descriptor it gives the child has closed it: postgres, left running by `pg_ctl start`,
    /// would hold it for good. The child gets no descriptor but 0, 1 and 2.
    private static func run(_ executable: String, _ arguments: [String],
                            environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let outputPath = (NSTemporaryDirectory() as NSString).appendingPathComponent("visnyk-pg-\(UUID().uuidString).out")
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else {
            throw StartFailed(description: "cannot create \(outputPath): \(String(cString: strerror(errno)))")
        }
        defer {
            close(output)
            unlink(outputPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        try closeInheritedDescriptors(&actions)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw StartFailed(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw StartFailed(description: "cannot wait for \(executable): \(String(cString: strerror(errno)))")
            }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import; a signal counts as 128 + its number.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (code, Self.contents(of: outputPath))
    }

    /// The file's bytes as UTF-8, read with read(2): Foundation's file reading leaks its buffer
    /// for an empty file (LeakSanitizer saw 4 KiB per empty psql output under ASan).
    private static func contents(of path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// posix_spawn_file_actions_addclosefrom_np (glibc 2.34), which Swift's Glibc module does
    /// not declare; looked up once.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) throws {
        guard let addCloseFrom, addCloseFrom(&actions, 3) == 0 else {
            throw StartFailed(description: "posix_spawn_file_actions_addclosefrom_np is missing (glibc 2.34 or later is needed)")
        }
    }
}
