/// Where `visnyk run` serves Prometheus metrics: the `metrics` key, "127.0.0.1:9464",
/// "[::1]:9464" or "0.0.0.0:9464" (an IP address, not a name: what is bound is what is written).
public struct MetricsAddress: Sendable, Equatable, CustomStringConvertible {
    public static let defaultPort = 9464
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Whether only this machine can connect.
    public var isLoopback: Bool { host == "::1" || host.hasPrefix("127.") }

    /// Nil (with the reason) unless `text` is an IP address and a port from 1 to 65535.
    public static func parse(_ text: String) -> Result<MetricsAddress, MetricsAddressProblem> {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return .failure(.notAnAddress)
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return .failure(.notAnAddress) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = Int(portText), (1...65535).contains(port) else { return .failure(.badPort) }
        guard PrivateAddress.isPrivate(String(host)) || isPublicIP(String(host)) else { return .failure(.notAnAddress) }
        return .success(MetricsAddress(host: String(host), port: port))
    }

    /// Any numeric address: the private-address check answers false for public ones and for
    /// text that is no address alike, so a public one is told apart by its shape.
    private static func isPublicIP(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4 { return parts.allSatisfy { UInt8($0) != nil } }
        return host.contains(":") && host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}

public enum MetricsAddressProblem: Error, Sendable {
    case notAnAddress
    case badPort
}
