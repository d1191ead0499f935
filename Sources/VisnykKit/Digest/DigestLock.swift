import Foundation

/// One delivery at a time across processes: flock(2) on `<state_dir>/.visnyk-digest.lock`, held
/// from reading a digest's state to recording its delivery, so that a `visnyk digest --send`
/// beside the daemon cannot send the same articles the daemon is sending. A killed process's
/// lock goes with it.
final class DigestLock: DigestLockHolder {
    static let fileName = ".visnyk-digest.lock"

    private let fd: Int32

    /// The lock, or nil while another process (or another delivery here) holds it.
    static func acquire(stateDirectory: String) throws(StoreError) -> DigestLock? {
        let path = (stateDirectory as NSString).appendingPathComponent(fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(kind: errno == EACCES ? .permissionDenied : .cannotOpen, path: path, detail: "the digest lock: \(String(cString: strerror(errno)))")
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(fd)
            return nil
        }
        return DigestLock(fd: fd)
    }

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close(fd)
    }
}
