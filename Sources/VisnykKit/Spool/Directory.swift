import Foundation

/// The few directory operations the spool and the state store need, with the errno kept (so
/// that errors can say "disk full" or "permission denied" rather than a Foundation code).
enum Directory {
    /// Creates `path` and its missing parents; nil on success (or if it exists as a directory).
    static func create(_ path: String, mode: mode_t = 0o755) -> Int32? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : ENOTDIR
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, let failure = create(parent, mode: mode) {
            return failure
        }
        if mkdir(path, mode) != 0, errno != EEXIST { return errno }
        return nil
    }

    /// fsync of the directory itself, so that a rename or creation in it survives a power loss.
    static func sync(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : errno
    }
}
