import ArgumentParser
import Foundation

/// stdout and stderr without `print`'s per-call overhead on large JSON documents.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Straight to the file descriptor: wrapping megabytes of JSON in `Data` copied them.
    static func out(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { out($0) }
    }

    static func out(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var written = 0
        while written < buffer.count {
            let n = write(STDOUT_FILENO, base + written, buffer.count - written)
            if n > 0 {
                written += n
            } else if n < 0, errno == EINTR {
                continue
            } else {
                // FileHandle reports the failure as it always did.
                let rest = UnsafeBufferPointer(rebasing: buffer[written...])
                FileHandle.standardOutput.write(Data(buffer: rest))
                return
            }
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("visnyk: " + text + "\n").utf8))
    }

    /// Runs what opens the state, spool or fetcher; a failure is a runtime error (exit 1)
    /// shown in plain words rather than a usage message.
    static func opening<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
    }

    static func opening<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
    }
}
