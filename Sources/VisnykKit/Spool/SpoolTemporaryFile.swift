import Foundation

/// A file just created in tmp/, open for writing: written whole, fsynced and closed, or
/// abandoned (closed and deleted). Dropped without either, it is abandoned.
final class SpoolTemporaryFile {
    private let fd: Int32
    let path: String
    private var isOpen = true

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    /// Writes `bytes`, fsyncs and closes; on failure the file is deleted.
    func finish(_ bytes: [UInt8]) throws(SpoolError) {
        precondition(isOpen, "a spool file is finished once")
        isOpen = false
        var failure: SpoolError?
        var written = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while written < raw.count {
                let n = write(fd, base + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = SpoolError(operation: "write the spool file", path: path, code: errno)
                    return
                }
                written += n
            }
        }
        if failure == nil, fsync(fd) != 0 {
            failure = SpoolError(operation: "sync the spool file", path: path, code: errno)
        }
        if close(fd) != 0, failure == nil {
            failure = SpoolError(operation: "close the spool file", path: path, code: errno)
        }
        if let failure {
            unlink(path)
            throw failure
        }
    }

    /// Closes and deletes the file.
    func abandon() {
        guard isOpen else { return }
        isOpen = false
        close(fd)
        unlink(path)
    }

    deinit {
        abandon()
    }
}
