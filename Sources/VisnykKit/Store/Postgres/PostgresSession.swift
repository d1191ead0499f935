import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A few PostgreSQL connections for synchronous callers. The store's API is synchronous (as
/// with SQLite), so each call blocks its thread on a future completed by the NIO event loop,
/// never by another Swift task: a blocked caller cannot starve what it waits for.
final class PostgresSession: Sendable {
    let url: PostgresURL
    private let configuration: PostgresConnection.Configuration
    private let group: MultiThreadedEventLoopGroup
    private let idle = PthreadMutexBox<[PostgresConnection]>([])
    private let slots: DispatchSemaphore
    private let nextID = PthreadMutexBox(0)
    private let logger = Logger(label: "visnyk.postgres")

    /// At most `connections` queries run at once; more callers wait for a free connection.
    init(url: PostgresURL, password: String?, connections: Int = 4) throws(StoreError) {
        self.url = url
        let tls: PostgresConnection.Configuration.TLS
        if url.requireTLS {
            do {
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            } catch {
                throw StoreError(kind: .cannotOpen, path: url.display, detail: "TLS: \(error)")
            }
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        slots = DispatchSemaphore(value: max(1, connections))
        // Fail at open, with the server's words, rather than at the first poll.
        try withConnection { _ throws(StoreError) in }
    }

    deinit {
        for connection in idle.withLock({ $0 }) {
            let closing: EventLoopFuture<Void> = connection.close()
            try? closing.wait()
        }
        try? group.syncShutdownGracefully()
    }

    /// Runs `body` on one connection held for its duration.
    func withConnection<T>(_ body: (PostgresLink) throws(StoreError) -> T) throws(StoreError) -> T {
        slots.wait()
        defer { slots.signal() }
        let reused = idle.withLock { $0.popLast() }
        let connection: PostgresConnection
        if let reused { connection = reused } else { connection = try connect() }
        let link = PostgresLink(connection: connection, session: self)
        do throws(StoreError) {
            let result = try body(link)
            if !connection.isClosed { idle.withLock { $0.append(connection) } }
            return result
        } catch {
            // A failed transaction was rolled back by `transaction`; a broken connection is dropped.
            if !link.broken {
                idle.withLock { $0.append(connection) }
            } else {
                let closing: EventLoopFuture<Void> = connection.close()
                _ = closing
            }
            throw error
        }
    }

    /// One transaction: all of `body` is committed, or none of it. A serialization failure or
    /// a deadlock (another node wrote the same rows) is retried a few times.
    func transaction<T>(_ body: (PostgresLink) throws(StoreError) -> T) throws(StoreError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            do throws(StoreError) {
                return try withConnection { link throws(StoreError) in
                    try link.execute("BEGIN")
                    do throws(StoreError) {
                        let result = try body(link)
                        try link.execute("COMMIT")
                        return result
                    } catch {
                        _ = try? link.execute("ROLLBACK")
                        throw error
                    }
                }
            } catch where error.isRetryableConflict && attempt < 5 {
                continue
            }
        }
    }

    /// A connection of its own, outside the pool (held by a digest lock); closing it ends
    /// its session locks.
    func connect() throws(StoreError) -> PostgresConnection {
        let id = nextID.withLock { value -> Int in
            value += 1
            return value
        }
        do {
            return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger).wait()
        } catch {
            throw StoreError(postgres: error, url: url.display, connecting: true)
        }
    }
}

/// One checked-out connection: queries with bound values, rows decoded by the caller.
struct PostgresLink {
    let connection: PostgresConnection
    let session: PostgresSession
    /// Set when the connection failed below SQL (closed, protocol error): it is not reused.
    var broken: Bool { connection.isClosed }

    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws(StoreError) -> PostgresQueryResult {
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Logger(label: "visnyk.postgres")).wait()
        } catch {
            throw StoreError(postgres: error, url: session.url.display, connecting: false)
        }
    }

    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws(StoreError) -> Int {
        try query(sql, binds).metadata.rows ?? 0
    }
}

/// Builds the bindings of one statement: `$1, $2, …` in the order appended.
struct Binds {
    var bindings = PostgresBindings()

    init() {}

    init(_ build: (inout Binds) -> Void) {
        build(&self)
    }

    mutating func add(_ value: String) { bindings.append(value) }
    mutating func add(_ value: String?) { if let value { bindings.append(value) } else { bindings.appendNull() } }
    mutating func add(_ value: Int64) { bindings.append(value) }
    mutating func add(_ value: Int64?) { if let value { bindings.append(value) } else { bindings.appendNull() } }
    mutating func add(_ value: Int) { bindings.append(Int64(value)) }
    mutating func add(_ value: Bool) { bindings.append(value) }
    mutating func add(_ value: Data) { bindings.append(ByteBuffer(bytes: value)) }
    mutating func add(_ value: Data?) { if let value { add(value) } else { bindings.appendNull() } }
    mutating func add(_ value: [String]) { bindings.append(value) }
    mutating func add(_ value: [Int64]) { bindings.append(value) }
}
