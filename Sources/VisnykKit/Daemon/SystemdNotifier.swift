import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// sd_notify(3) without libsystemd: one datagram of newline-separated assignments to the
/// AF_UNIX socket named in `$NOTIFY_SOCKET` (a path, or `@name` for the abstract namespace).
/// Without `$NOTIFY_SOCKET` (not under systemd) every call does nothing; send errors are
/// ignored, because a daemon must not die over a status message.
public struct SystemdNotifier: Sendable {
    /// The socket address as given, nil when notifications are off.
    public let socketPath: String?
    /// The watchdog timeout systemd announced in `$WATCHDOG_USEC` (nil when there is no
    /// watchdog for this process). Ping with `watchdog()` at half this interval, from the loop
    /// that does the work, so that a hung loop really trips it.
    public let watchdogInterval: Duration?

    public var isEnabled: Bool { socketPath != nil }

    /// `processID` is compared with `$WATCHDOG_PID`: the watchdog is meant for that process only.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, processID: Int32 = getpid()) {
        let path = environment["NOTIFY_SOCKET"].flatMap(Self.usableSocketPath)
        socketPath = path
        watchdogInterval = path == nil ? nil : Self.watchdog(environment, processID: processID)
    }

    /// Start-up (or a reload) finished.
    public func ready(status: String? = nil) {
        send(["READY=1"] + (status.map { ["STATUS=" + Self.oneLine($0)] } ?? []))
    }

    /// Free-form status shown by `systemctl status`; line breaks become spaces.
    public func status(_ s: String) {
        send(["STATUS=" + Self.oneLine(s)])
    }

    public func watchdog() {
        guard watchdogInterval != nil else { return }
        send(["WATCHDOG=1"])
    }

    /// A reload began; `ready(status:)` must follow when it is done. MONOTONIC_USEC lets
    /// systemd ≥ 253 match the two.
    public func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    public func stopping() {
        send(["STOPPING=1"])
    }

    /// Sends the assignments as one datagram; false when off or when the send failed.
    @discardableResult
    public func send(_ assignments: [String]) -> Bool {
        guard let socketPath else { return false }
        return Self.sendDatagram(Array(assignments.joined(separator: "\n").utf8), to: socketPath)
    }

    static func usableSocketPath(_ value: String) -> String? {
        // Like sd_notify: a path or an abstract name that fits sun_path; anything else
        // (vsock:, relative paths) is not for us.
        guard value.hasPrefix("/") || (value.hasPrefix("@") && value.utf8.count > 1) else { return nil }
        let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        return value.utf8.count < capacity ? value : nil
    }

    private static func watchdog(_ environment: [String: String], processID: Int32) -> Duration? {
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != processID { return nil }
        guard let text = environment["WATCHDOG_USEC"], let usec = Int64(text), usec > 0 else { return nil }
        return .microseconds(usec)
    }

    static func oneLine(_ s: String) -> String {
        String(s.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    private static func sendDatagram(_ payload: [UInt8], to path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var name = Array(path.utf8)
        if name.first == UInt8(ascii: "@") { name[0] = 0 }   // the abstract namespace
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: name)
        }
        // Abstract names are exactly as long as given; paths end at their NUL.
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
        let length = socklen_t(pathOffset + name.count + (name.first == 0 ? 0 : 1))
        let sent = payload.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
        return sent == payload.count
    }
}
