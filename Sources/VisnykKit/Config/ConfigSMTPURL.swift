/// The `[mail] url` of the smtp transport: `smtp://host[:port][/ehlo-name]` (STARTTLS) or
/// `smtps://host[:port]` (TLS from the start).
enum ConfigSMTPURL {
    static let example = "write smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465 (TLS from the start)"

    /// The URL with a lower-case scheme and the port made explicit (587 for smtp, 465 for
    /// smtps: libcurl's own default, 25, is the port for relaying between servers), or what
    /// is wrong with it.
    static func normalized(_ text: String) -> Result<String, ConfigSMTPURLError> {
        guard !text.contains(where: \.isWhitespace) else {
            return .failure(.init("\"\(text)\" contains a space: \(example)"))
        }
        guard let separator = text.range(of: "://") else {
            return .failure(.init("\"\(text)\" is not a URL: \(example)"))
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "smtp" || scheme == "smtps" else {
            return .failure(.init("\"\(text)\" is not an smtp:// or smtps:// URL: \(example)"))
        }
        let rest = text[separator.upperBound...]
        guard !rest.contains("?"), !rest.contains("#") else {
            return .failure(.init("\"\(text)\" has a ? or # part, which SMTP does not use: remove it"))
        }
        let authority = rest.prefix(while: { $0 != "/" })
        let path = rest[authority.endIndex...]
        guard !authority.contains("@") else {
            return .failure(.init("\"\(text)\" has a user name in it: write username = \"…\" instead, and put the password in a file named by password_file"))
        }
        let host: Substring, port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return .failure(.init("\"\(text)\": an IPv6 address in brackets needs its \"]\": \(example)"))
            }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else {
                return .failure(.init("\"\(text)\": write a port after the \"]\" as :PORT"))
            }
            port = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority
            port = nil
        }
        let hostBytes = host.hasPrefix("[") ? host.dropFirst().dropLast() : host
        guard !hostBytes.isEmpty, hostBytes.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }) else {
            return .failure(.init("\"\(text)\" has no valid host name: \(example)"))
        }
        if let port {
            guard port.allSatisfy(\.isASCIIDigit), let number = Int(port), (1...65_535).contains(number) else {
                return .failure(.init("\"\(text)\": the port must be a number from 1 to 65535, like :587"))
            }
        }
        let defaultPort = scheme == "smtp" ? "587" : "465"
        return .success("\(scheme)://\(host):\(port ?? Substring(defaultPort))\(path)")
    }

    /// Whether the URL's host is this machine: localhost, 127.0.0.0/8 or [::1].
    static func isLoopback(_ url: String) -> Bool {
        guard let separator = url.range(of: "://") else { return false }
        let authority = url[separator.upperBound...].prefix(while: { $0 != "/" }).lowercased()
        if authority.hasPrefix("[") { return authority.hasPrefix("[::1]") }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if host == "localhost" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { part in
            !part.isEmpty && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 256) <= 255
        }
    }
}

struct ConfigSMTPURLError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
