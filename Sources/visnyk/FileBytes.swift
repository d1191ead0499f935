import Glibc

/// Reads a whole regular file with `open`/`fstat`/`read`.
enum FileBytes {
    enum Outcome {
        case bytes([UInt8])
        case tooLarge(Int)
        /// Anything unexpected: the caller retries the slow way, which explains the failure.
        case failed
    }

    static func read(_ path: String, limit: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failed }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failed }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var failed = false
        // One byte more than the size: a file that grew since `fstat` is left to the slow path.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            var total = 0
            while total < buffer.count {
                let n = Glibc.read(fd, base + total, buffer.count - total)
                if n < 0, errno == EINTR { continue }
                if n < 0 {
                    failed = true
                    break
                }
                if n == 0 { break }
                total += n
            }
            count = total
        }
        guard !failed, bytes.count <= size else { return .failed }
        return .bytes(bytes)
    }
}
