import Foundation

/// The Maildir-style spool of DESIGN.md: files are written in tmp/, fsynced, renamed into new/,
/// and new/ is fsynced; readers only ever see whole files in new/. Consumers move files to cur/;
/// Visnyk never rewrites or deletes a file in new/ or cur/.
///
/// The steps are separate so that the Deduper can record each hash in the state between
/// writing the file and renaming it (see Deduper for the crash-safe protocol).
public struct SpoolWriter: Sendable {
    public let directory: String
    public let format: SpoolFormat
    /// The host part of file names (Maildir-escaped).
    public let host: String
    /// The domain of the From address and Message-ID of `.eml` files.
    public let mailDomain: String

    let tmp: String
    let new: String
    let cur: String
    /// Held shared for as long as this writer (or a copy of it) lives.
    let lock: SpoolLock

    /// Creates `directory` with tmp/, new/ and cur/ if needed, and takes the spool lock shared.
    /// `host` defaults to gethostname().
    public init(directory: String, format: SpoolFormat, host: String? = nil) throws(SpoolError) {
        let host = host ?? SpoolHost.current()
        self.directory = directory
        self.format = format
        self.host = SpoolHost.fileNamePart(host)
        mailDomain = SpoolHost.domain(host)
        tmp = (directory as NSString).appendingPathComponent("tmp")
        new = (directory as NSString).appendingPathComponent("new")
        cur = (directory as NSString).appendingPathComponent("cur")
        for path in [tmp, new, cur] {
            if let failure = Directory.create(path) {
                throw SpoolError(operation: "create the spool directory", path: path, code: failure)
            }
        }
        lock = try SpoolLock(directory: directory)
    }

    /// `<unix seconds>.<first 16 hex of the hash>.<host>.<json|eml>`.
    public func fileName(seconds: Int64, contentHash: String) -> String {
        let hex = contentHash.hasPrefix("sha256:") ? contentHash.dropFirst(7).prefix(16) : contentHash.prefix(16)
        return "\(seconds).\(hex).\(host).\(format.fileExtension)"
    }

    public func temporaryPath(_ name: String) -> String { (tmp as NSString).appendingPathComponent(name) }
    public func newPath(_ name: String) -> String { (new as NSString).appendingPathComponent(name) }
    public func curPath(_ name: String) -> String { (cur as NSString).appendingPathComponent(name) }

    /// Creates tmp/`name` exclusively (O_EXCL), empty; nil when that name is taken in tmp/.
    func createTemporary(_ name: String) throws(SpoolError) -> SpoolTemporaryFile? {
        let path = temporaryPath(name)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { return nil }
            throw SpoolError(operation: "create the spool file", path: path, code: errno)
        }
        return SpoolTemporaryFile(fd: fd, path: path)
    }

    /// Whether `name` is in new/ or cur/ (a consumer may have moved it on). With
    /// `includingFlagged`, cur/ is also searched for `name:2,FLAGS` (Maildir readers add flags),
    /// which reads the whole directory: for recovery, not for every article.
    func isDelivered(_ name: String, includingFlagged: Bool = false) -> Bool {
        access(newPath(name), F_OK) == 0 || access(curPath(name), F_OK) == 0
            || (includingFlagged && curFileExists(withPrefix: name + ":"))
    }

    /// Renames tmp/`name` into new/ (not yet durable: call `syncNew` after a batch).
    func publish(_ name: String) throws(SpoolError) {
        if rename(temporaryPath(name), newPath(name)) != 0 {
            throw SpoolError(operation: "rename into new/ the spool file", path: temporaryPath(name), code: errno)
        }
    }

    /// fsync of new/, making the renames into it durable.
    func syncNew() throws(SpoolError) {
        if let failure = Directory.sync(new) {
            throw SpoolError(operation: "sync the spool directory", path: new, code: failure)
        }
    }

    /// Deletes tmp/`name`; a file already gone is fine.
    func removeTemporary(_ name: String) {
        unlink(temporaryPath(name))
    }

    /// The regular files in tmp/ with their sizes.
    func temporaryFiles() throws(SpoolError) -> [(name: String, size: Int64)] {
        guard let dir = opendir(tmp) else {
            throw SpoolError(operation: "list the spool directory", path: tmp, code: errno)
        }
        defer { closedir(dir) }
        var files: [(name: String, size: Int64)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard lstat(temporaryPath(name), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files.append((name, Int64(info.st_size)))
        }
        return files
    }

    /// Maildir readers rename cur/ files to `name:2,FLAGS`; a linear scan, used only by recovery
    /// when the plain name is absent.
    private func curFileExists(withPrefix prefix: String) -> Bool {
        guard let dir = opendir(cur) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let found = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self).hasPrefix(prefix)
            }
            if found { return true }
        }
        return false
    }
}
