import Foundation

/// Writes each message as a file into a Maildir: into tmp/, fsynced, then renamed into new/
/// (the directories are created when missing). A mail client or a local MDA picks it up there.
public struct MaildirTransport: MailTransport {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var summary: String { "maildir \(directory)" }

    public func send(_ mail: ComposedMail) async throws(MailError) {
        let directory = directory
        try await MailThread.run("visnyk-maildir") { deliver(mail, into: directory) }
    }
}

private func deliver(_ mail: ComposedMail, into directory: String) -> MailError? {
    func failure(_ doing: String, _ path: String, _ code: Int32) -> MailError {
        MailError(.delivery, "Could not \(doing) \(path): \(String(cString: strerror(code))). Check that the Maildir `maildir` is writable by the user Visnyk runs as.",
                  isPermanent: code == EACCES || code == EPERM || code == EROFS || code == ENOTDIR)
    }
    for sub in ["tmp", "new", "cur"] {
        let path = (directory as NSString).appendingPathComponent(sub)
        if let code = Directory.create(path, mode: 0o700) { return failure("create the directory", path, code) }
    }
    let name = MaildirName.next()
    let temporary = (directory as NSString).appendingPathComponent("tmp/\(name)")
    let final = (directory as NSString).appendingPathComponent("new/\(name)")
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return failure("create", temporary, errno) }
    let file = SpoolTemporaryFile(fd: fd, path: temporary)
    do {
        try file.finish(mail.bytes)
    } catch {
        return failure("write", temporary, error.code)
    }
    guard rename(temporary, final) == 0 else {
        let code = errno
        unlink(temporary)
        return failure("move the message into", final, code)
    }
    if let code = Directory.sync((directory as NSString).appendingPathComponent("new")) {
        return failure("sync the directory", (directory as NSString).appendingPathComponent("new"), code)
    }
    return nil
}

/// Unique Maildir file names: `<seconds>.M<microseconds>P<pid>Q<counter>.<host>`, the
/// microseconds in six digits so that names sort in time order (`ls`, readers that sort).
private enum MaildirName {
    private static let counter = PthreadMutexBox(0)

    static func next() -> String {
        var now = timeval()
        gettimeofday(&now, nil)
        let sequence = counter.withLock { value -> Int in
            value += 1
            return value
        }
        let microseconds = String(now.tv_usec)
        let padded = String(repeating: "0", count: max(0, 6 - microseconds.count)) + microseconds
        return "\(now.tv_sec).M\(padded)P\(getpid())Q\(sequence).\(SpoolHost.fileNamePart(SpoolHost.current()))"
    }
}
