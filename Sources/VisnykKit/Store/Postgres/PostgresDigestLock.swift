import Foundation
import NIOCore
import PostgresNIO

/// One delivery of a digest at a time across the cluster: a session-level advisory lock on a
/// connection of its own, keyed by the digest's name, held from reading the digest's state to
/// recording its delivery. A node that dies loses its connection, and the server frees the lock.
final class PostgresDigestLock: DigestLockHolder, Sendable {
    private let connection: PostgresConnection

    /// The lock, or nil while another node (or another delivery here) holds it.
    static func acquire(digest: String, session: PostgresSession) throws(StoreError) -> PostgresDigestLock? {
        let connection = try session.connect()
        let link = PostgresLink(connection: connection, session: session)
        var binds = Binds()
        binds.add(key(of: digest))
        let locked: Bool
        do throws(StoreError) {
            let rows = try link.query("SELECT pg_try_advisory_lock($1)", binds.bindings)
            locked = try rows.first?.decodedColumn(Bool.self, database: session.url.display) ?? false
        } catch {
            close(connection)
            throw error
        }
        guard locked else {
            close(connection)
            return nil
        }
        return PostgresDigestLock(connection: connection)
    }

    private init(connection: PostgresConnection) {
        self.connection = connection
    }

    deinit {
        Self.close(connection)
    }

    private static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        try? closing.wait()
    }

    /// A stable 64-bit key per digest name (FNV-1a), in a range apart from the other locks.
    static func key(of digest: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("visnyk digest " + digest).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
