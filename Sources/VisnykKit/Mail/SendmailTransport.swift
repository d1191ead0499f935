import Foundation

/// Hands each message to a local sendmail program: `path -t -oi -f <envelope sender>`, the
/// message on standard input. `-t` takes the recipients from To:, `-oi` keeps a line holding
/// only "." from ending the input. Exit status 0 means the MTA accepted the message.
public struct SendmailTransport: MailTransport {
    public let path: String
    /// The program is killed when it has not finished after this long.
    public let timeout: Duration

    public init(path: String) {
        self.init(path: path, timeout: MailConfig.Defaults.timeout)
    }

    public init(path: String, timeout: Duration) {
        self.path = path
        self.timeout = timeout
    }

    public var summary: String { "sendmail \(path)" }

    public func send(_ mail: ComposedMail) async throws(MailError) {
        let path = path
        let timeout = timeout
        let cancellation = MailCancellation()
        let failure: MailError? = await withTaskCancellationHandler {
            await MailThread.run("visnyk-sendmail") {
                SendmailRun(path: path, timeout: timeout, cancellation: cancellation).deliver(mail)
            }
        } onCancel: {
            cancellation.cancel()
        }
        if let failure { throw failure }
    }
}

/// One run of the sendmail program, on the calling thread.
private struct SendmailRun {
    let path: String
    let timeout: Duration
    let cancellation: MailCancellation

    /// stderr kept for the error message.
    private static let stderrCap = 16 * 1024

    func deliver(_ mail: ComposedMail) -> MailError? {
        if cancellation.isCancelled {
            return MailError(.cancelled, "Sending through \(path) was cancelled before it started; the message is sent again later.")
        }
        guard access(path, X_OK) == 0 else {
            return MailError(.configuration, "There is no sendmail program at \(path) (\(String(cString: strerror(errno)))). Install an MTA that provides one (for example msmtp-mta or postfix), or set `sendmail` in [mail] to its path.")
        }
        // The message goes in through a file: no pipe to fill (or to break, with SIGPIPE) while
        // the program is still starting or already failing.
        let input: FileHandle
        switch Self.unlinkedFile(holding: mail.bytes) {
        case .success(let handle): input = handle
        case .failure(let error): return error
        }
        defer { try? input.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-oi", "-f", mail.envelopeFrom]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return MailError(.configuration, "Could not start \(path): \(error.localizedDescription). Check `sendmail` in [mail].")
        }
        let running = RunningProcess(process: process)
        cancellation.onCancel { running.stop() }
        let watchdog = DispatchWorkItem { running.stop() }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let stderrData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let message = MailHeader.clean(String(decoding: stderrData.suffix(Self.stderrCap), as: UTF8.self))
        let said = message.isEmpty ? "" : ": \(message)"
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0):
            return nil
        case _ where cancellation.isCancelled:
            return MailError(.cancelled, "\(path) was stopped because sending was cancelled; the message is sent again later.")
        case (.uncaughtSignal, let signal):
            return MailError(.delivery, "\(path) was stopped by signal \(signal)\(signal == SIGTERM ? " after \(timeout) without finishing" : "")\(said). The message may not have been sent.")
        case (.exit, let status):
            // sysexits.h: EX_UNAVAILABLE 69, EX_OSERR 71, EX_IOERR 74, EX_TEMPFAIL 75 may pass.
            let transient = [69, 71, 74, 75].contains(status)
            return MailError(.delivery, "\(path) -t -oi failed with exit status \(status)\(said). Check the MTA's configuration and its log.", isPermanent: !transient)
        @unknown default:
            return MailError(.delivery, "\(path) ended abnormally\(said).")
        }
    }

    /// A temporary file with `bytes`, already unlinked, open for reading from its start.
    private static func unlinkedFile(holding bytes: [UInt8]) -> Result<FileHandle, MailError> {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("visnyk-mail.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            return .failure(MailError(.delivery, "Could not create a temporary file for sendmail in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))."))
        }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var written = 0
        let code: Int32 = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return 0 }
            while written < raw.count {
                let n = write(fd, base + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return 0
        }
        guard code == 0, lseek(fd, 0, SEEK_SET) == 0 else {
            close(fd)
            return .failure(MailError(.delivery, "Could not write the message to a temporary file for sendmail: \(String(cString: strerror(code == 0 ? errno : code)))."))
        }
        return .success(FileHandle(fileDescriptor: fd, closeOnDealloc: true))
    }
}

/// The child process, for the watchdog and the cancellation handler (which run elsewhere);
/// `Process.terminate` may be called from any thread.
private struct RunningProcess: @unchecked Sendable {
    let process: Process

    func stop() {
        if process.isRunning { process.terminate() }
    }
}
