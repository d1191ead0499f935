import Foundation
import Glibc

/// Appends text to the configuration file as text: every byte already there stays as it was
/// (comments, layout, key order), which a TOML library's write-back would not keep.
public enum ConfigFileAppender {
    /// Appends `text` to the file at `path` (a symbolic link is followed, so the link stays)
    /// when the result is a valid configuration; else throws its `ConfigError` and changes
    /// nothing. The new content goes to a temporary file beside it, fsynced, with the old
    /// file's permissions, and renamed over it: a crash leaves the old file or the new one.
    @discardableResult
    public static func append(_ text: String, to path: String) throws -> VisnykConfig {
        let target = resolved(path)
        let original: Data
        do {
            original = try Data(contentsOf: URL(fileURLWithPath: target))
        } catch {
            throw ConfigWriteError(file: path, problem: "cannot be read (\(error.localizedDescription)): check its permissions")
        }
        guard let originalText = String(data: original, encoding: .utf8) else {
            throw ConfigWriteError(file: path, problem: "is not valid UTF-8: save it as UTF-8 first")
        }
        let separator = original.isEmpty || original.last == UInt8(ascii: "\n") ? "" : "\n"
        let newText = originalText + separator + text
        let config = try ConfigLoader.parse(newText, path: path)
        try replace(target, with: Data(original + Data((separator + text).utf8)), named: path)
        return config
    }

    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func replace(_ target: String, with data: Data, named path: String) throws {
        let directory = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + base + ".visnyk-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw ConfigWriteError(file: path, problem: "cannot create a file beside it (\(String(cString: strerror(errno)))): run as a user who may write to \(directory)")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        var info = stat()
        if stat(target, &info) == 0 { fchmod(fd, info.st_mode & 0o7777) }
        data.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count, let base = raw.baseAddress {
                let n = write(fd, base + written, raw.count - written)
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    failure = String(cString: strerror(errno))
                    return
                }
                written += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw ConfigWriteError(file: path, problem: "cannot be written (\(failure)); it was left as it was")
        }
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }
}
