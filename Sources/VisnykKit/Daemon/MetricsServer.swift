import Foundation

/// Serves `GET /metrics` in the Prometheus text format on the configured address: a listening
/// socket and one thread that answers one scrape at a time. A scrape is small and rare, so
/// nothing more is needed; a client that stalls is cut off after `ioTimeout`.
public final class MetricsServer: @unchecked Sendable {
    static let ioTimeout = 5
    static let maximumRequestBytes = 8192
    /// The address bound; its port is the real one when 0 was asked for.
    public let address: MetricsAddress
    public let metrics: DaemonMetrics
    private let listener: Int32

    /// Binds now, so that a taken port stops `visnyk run` at start with a clear message.
    public init(address: MetricsAddress, metrics: DaemonMetrics) throws(MetricsServerError) {
        self.metrics = metrics
        let isIPv6 = address.host.contains(":")
        let descriptor = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw MetricsServerError(address: address, reason: Self.errnoText()) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = isIPv6 ? Self.bind6(descriptor, address) : Self.bind4(descriptor, address)
        guard bound == 0, listen(descriptor, 16) == 0 else {
            let reason = Self.errnoText()
            close(descriptor)
            throw MetricsServerError(address: address, reason: reason)
        }
        listener = descriptor
        self.address = MetricsAddress(host: address.host, port: Self.boundPort(descriptor) ?? address.port)
    }

    deinit { close(listener) }

    /// Answers scrapes on a thread of its own until `stop()`.
    public func start() {
        let thread = Thread { [self] in serve() }
        thread.name = "visnyk-metrics"
        thread.start()
    }

    /// Stops accepting: the serving thread ends at its next accept.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            answer(client)
            close(client)
        }
    }

    private func answer(_ client: Int32) {
        var timeout = timeval(tv_sec: Self.ioTimeout, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let requestLine = Self.readRequestLine(client) else { return }
        let parts = requestLine.split(separator: " ")
        let response: [UInt8]
        if parts.count == 3, parts[0] == "GET" || parts[0] == "HEAD", parts[1] == "/metrics" || parts[1].hasPrefix("/metrics?") {
            let body = metrics.exposition()
            response = Self.response("200 OK", type: "text/plain; version=0.0.4; charset=utf-8",
                                     body: parts[0] == "HEAD" ? [] : body, length: body.count)
        } else if parts.count == 3, parts[0] != "GET", parts[0] != "HEAD" {
            response = Self.response("405 Method Not Allowed", type: "text/plain", body: Array("GET /metrics\n".utf8))
        } else {
            response = Self.response("404 Not Found", type: "text/plain", body: Array("Visnyk serves GET /metrics\n".utf8))
        }
        var sent = 0
        while sent < response.count {
            let written = response[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            sent += written
        }
    }

    /// The request's first line, once the whole header has arrived; nil when it does not
    /// within the size cap or the timeout.
    private static func readRequestLine(_ client: Int32) -> String? {
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while request.count < maximumRequestBytes {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            request.append(contentsOf: buffer[0..<count])
            if request.count >= 4, request.firstRange(of: [13, 10, 13, 10]) != nil || request.firstRange(of: [10, 10]) != nil {
                let line = request.prefix { $0 != 13 && $0 != 10 }
                return String(decoding: line, as: UTF8.self)
            }
        }
        return nil
    }

    private static func response(_ status: String, type: String, body: [UInt8], length: Int? = nil) -> [UInt8] {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(length ?? body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    private static func bind4(_ descriptor: Int32, _ address: MetricsAddress) -> Int32 {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(address.port).bigEndian)
        guard inet_pton(AF_INET, address.host, &socketAddress.sin_addr) == 1 else { errno = EINVAL; return -1 }
        return bind(descriptor, socketAddress)
    }

    private static func bind6(_ descriptor: Int32, _ address: MetricsAddress) -> Int32 {
        var socketAddress = sockaddr_in6()
        socketAddress.sin6_family = sa_family_t(AF_INET6)
        socketAddress.sin6_port = in_port_t(UInt16(address.port).bigEndian)
        guard inet_pton(AF_INET6, address.host, &socketAddress.sin6_addr) == 1 else { errno = EINVAL; return -1 }
        return bind(descriptor, socketAddress)
    }

    /// bind(2) with a sockaddr_in or sockaddr_in6.
    private static func bind<SocketAddress>(_ descriptor: Int32, _ socketAddress: SocketAddress) -> Int32 {
        withUnsafePointer(to: socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<SocketAddress>.size))
            }
        }
    }

    private static func boundPort(_ descriptor: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let found = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard found == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer -> Int in
            if Int32(pointer.pointee.ss_family) == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The metrics address could not be listened on.
public struct MetricsServerError: Error, CustomStringConvertible, Sendable {
    public let address: MetricsAddress
    public let reason: String

    public var description: String {
        "metrics: cannot listen on \(address) (\(reason)): choose a free port, or remove the metrics key"
    }
}
