import Foundation

/// SMTP through libcurl: `smtp://host:587` with STARTTLS required (never a plain-text
/// session), or `smtps://host:465` with TLS from the first byte. AUTH when a user name is set,
/// and then only: a server that does not offer AUTH gets no message.
public struct SMTPTransport: MailTransport {
    /// The URL libcurl connects to; its path is the EHLO name.
    let sessionURL: String
    let implicitTLS: Bool
    /// `tls = "none"`: a clear-text session, to this machine only and without a login.
    let clearText: Bool
    let credentials: SMTPCredentials?
    let caFile: String?
    let timeout: Duration
    public let summary: String

    public init(url: String, username: String?, password: String?, caFile: String?, ehloName: String,
                timeout: Duration, tls: MailConfig.TLS = .required) throws(MailError) {
        let endpoint = try SMTPEndpoint(url)
        if tls == .none {
            guard !endpoint.implicitTLS, ConfigSMTPURL.isLoopback(url), username == nil, password == nil else {
                throw MailError(.configuration, "tls = \"none\" (clear text) is only for smtp:// to a mail server on this machine without a login; \(endpoint.display) needs TLS: remove tls from [mail].")
            }
        }
        clearText = tls == .none
        guard Self.isHostName(ehloName) else {
            throw MailError(.configuration, "The EHLO name \"\(MailHeader.clean(ehloName))\" is not a host name; set `ehlo_name` in [mail] to this machine's fully qualified name (letters, digits, dots and hyphens).")
        }
        switch (username, password) {
        case (let user?, let secret?):
            guard !user.isEmpty, !user.contains(where: \.isNewline), !secret.contains(where: \.isNewline) else {
                throw MailError(.configuration, "The SMTP user name or password for \(endpoint.display) is empty or holds a line break; check `username` and the password file.")
            }
            credentials = SMTPCredentials(username: user, password: secret)
        case (.some, nil):
            throw MailError(.configuration, "A user name is set for \(endpoint.display) but no password was found; put it in the file named by `password_file`.")
        case (nil, .some):
            throw MailError(.configuration, "A password is set for \(endpoint.display) but no user name; set `username` in [mail].")
        case (nil, nil):
            credentials = nil
        }
        sessionURL = endpoint.base + "/" + ehloName
        implicitTLS = endpoint.implicitTLS
        self.caFile = caFile
        self.timeout = timeout
        let security = clearText ? " (clear text, this machine)" : endpoint.implicitTLS ? " (TLS)" : " (STARTTLS)"
        summary = endpoint.display + security + (credentials.map { ", user \($0.username)" } ?? "")
    }

    public func send(_ mail: ComposedMail) async throws(MailError) {
        let transport = self
        let cancellation = MailCancellation()
        let failure: MailError? = await withTaskCancellationHandler {
            await MailThread.run("visnyk-smtp") {
                SMTPSession(transport: transport, mail: mail, cancellation: cancellation).perform()
            }
        } onCancel: {
            cancellation.cancel()
        }
        if let failure { throw failure }
    }

    static func isHostName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 253 && !name.hasPrefix(".") && !name.hasPrefix("-")
            && name.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            }
    }
}

struct SMTPCredentials: Sendable {
    var username: String
    var password: String
}

/// The scheme, host and port of `[mail] url`; anything else in it is refused.
struct SMTPEndpoint {
    /// `smtp://host:port` (no path).
    let base: String
    /// The same, port always shown, for messages.
    let display: String
    let implicitTLS: Bool

    init(_ url: String) throws(MailError) {
        func fail(_ why: String) -> MailError {
            MailError(.configuration, "The mail url \"\(MailHeader.clean(url))\" \(why). Write smtp://host:587 (STARTTLS) or smtps://host:465 (TLS).")
        }
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased() else {
            throw fail("is not a URL")
        }
        guard scheme == "smtp" || scheme == "smtps" else { throw fail("has the scheme \"\(scheme)\"; only smtp and smtps are supported") }
        guard parts.user == nil, parts.password == nil else {
            throw fail("holds a user name or password; put them in `username` and `password_file` instead")
        }
        guard parts.query == nil, parts.fragment == nil, parts.path.isEmpty || parts.path == "/" else {
            throw fail("has a path or query; the EHLO name goes in `ehlo_name`")
        }
        guard var host = parts.host, !host.isEmpty, host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw fail("has no host name")
        }
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        implicitTLS = scheme == "smtps"
        let port = parts.port ?? (implicitTLS ? 465 : 25)
        base = "\(scheme)://\(host)" + (parts.port.map { ":\($0)" } ?? "")
        display = "\(scheme)://\(host):\(port)"
    }
}
