import Foundation

/// The spool's advisory lock, flock(2) on `<spool_dir>/.visnyk.lock`. Every SpoolWriter holds
/// it shared while it lives, so that several writers (the daemon and a `visnyk poll` beside
/// it) may spool at once; recovery needs it exclusive, so that it never takes the tmp/ files of
/// a visnyk still writing for a crash's leftovers. A killed process's lock goes with it.
final class SpoolLock: Sendable {
    static let fileName = ".visnyk.lock"

    let path: String
    private let fd: Int32

    init(directory: String) throws(SpoolError) {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SpoolError(operation: "open the spool lock", path: path, code: errno) }
        if let failure = Self.lock(fd, LOCK_SH) {
            close(fd)
            throw SpoolError(operation: "lock the spool", path: path, code: failure)
        }
    }

    /// Runs `body` with the lock held exclusively; nil, without running it, while another
    /// writer holds the lock.
    func withExclusive<T>(_ body: () throws -> T) throws -> T? {
        // flock converts by unlocking then locking: a refused upgrade leaves no lock at all.
        defer { _ = Self.lock(fd, LOCK_SH) }
        guard Self.lock(fd, LOCK_EX | LOCK_NB) == nil else { return nil }
        return try body()
    }

    deinit {
        close(fd)
    }

    private static func lock(_ fd: Int32, _ operation: Int32) -> Int32? {
        while flock(fd, operation) != 0 {
            if errno != EINTR { return errno }
        }
        return nil
    }
}
