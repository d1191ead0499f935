import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler writing one line per message to stderr (or any descriptor):
/// `LEVEL [label] message key=value …`. Under journald (`$JOURNAL_STREAM` names this very
/// descriptor, as systemd.exec(5) asks to check) each line starts with its `<N>` syslog
/// priority and has no timestamp, since the journal keeps both; elsewhere it starts with an
/// RFC 3339 UTC timestamp.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    public let fileDescriptor: Int32
    /// True when lines carry `<N>` priority prefixes for journald.
    public let isJournal: Bool

    /// A pthread lock, not `Synchronization.Mutex`: ThreadSanitizer cannot model the latter.
    private static let writeLock = PthreadLock()

    public init(label: String, logLevel: Logger.Level = .info, fileDescriptor: Int32 = STDERR_FILENO,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.logLevel = logLevel
        self.fileDescriptor = fileDescriptor
        self.metadataProvider = metadataProvider
        self.isJournal = Self.isJournalStream(fileDescriptor: fileDescriptor, environment: environment)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let given = event.metadata { all.merge(given) { _, new in new } }
        if let error = event.error { all["error"] = .string("\(error)") }
        let line = format(level: event.level, message: event.message.description, metadata: all, at: Date())
        Self.writeLock.withLock { Self.writeAll(Array(line.utf8), to: fileDescriptor) }
    }

    /// The line for one message, newline included.
    func format(level: Logger.Level, message: String, metadata: Logger.Metadata, at date: Date) -> String {
        var line = isJournal ? "<\(Self.priority(level))>" : FeedDate.format(date) + " "
        line += "\(level) [\(Self.escaped(label))] \(Self.escaped(message))"
        for key in metadata.keys.sorted() {
            line += " \(Self.escaped(key))=\(Self.quoted(Self.escaped("\(metadata[key]!)")))"
        }
        return line + "\n"
    }

    /// sd-daemon(3) priorities.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Whether `$JOURNAL_STREAM` ("device:inode") is the stream behind `fileDescriptor`. The
    /// variable alone is not enough: a child may inherit it with stderr redirected elsewhere.
    public static func isJournalStream(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }

    /// One message, one line: control characters are written as escapes.
    static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + String(scalar.value, radix: 16, uppercase: false).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// key=value stays one token when the value has spaces or quotes in it.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    return   // a closed or full stderr must not take the daemon down
                }
            }
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
