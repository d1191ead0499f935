import Foundation

/// `Servers/smtp_server.py` (aiosmtpd) on 127.0.0.1 for one test: the messages it accepted,
/// each with what the server knew about its session, and the certificate of its STARTTLS mode.
/// Call ``stop()`` when done (a `defer` right after creating it).
final class TestSMTPServer {
    /// What the server recorded beside each stored message.
    struct Session: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var ehlo: String?
        var tls: Bool
        var authenticated: Bool
        var login: String?
    }

    struct Delivered {
        var path: String
        var bytes: [UInt8]
        var session: Session
    }

    enum Mode {
        case plain
        /// STARTTLS required; AUTH with this user and password checked when given.
        case starttls(auth: (user: String, password: String)?)
        /// STARTTLS required, no AUTH offered.
        case starttlsWithoutAuth
        /// Takes connections and never says a word.
        case stalled
    }

    let directory: TemporaryDirectory
    let server: TestHTTPServer
    let port: Int
    /// The self-signed certificate of the STARTTLS modes (CN=localhost, IP:127.0.0.1).
    let caFile: String?

    /// `port` 0 takes a free one; a given port lets a test bring "the same server" back.
    /// `tlsDirectory`: where the STARTTLS certificate is made, or reused when it is there
    /// (default: the server's own directory).
    init(_ mode: Mode, rejectRcpt: String? = nil, rejectData: String? = nil, port: Int = 0,
         tlsDirectory: String? = nil) throws {
        directory = try TemporaryDirectory("visnyk-smtp")
        let store = directory.appending("store")
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        var arguments = ["--store", store, "--port", String(port)]
        let certificates = tlsDirectory ?? directory.path
        switch mode {
        case .plain:
            caFile = nil
        case .starttls(let auth):
            arguments += ["--tls", certificates]
            if let auth { arguments += ["--auth", "\(auth.user):\(auth.password)"] }
            caFile = (certificates as NSString).appendingPathComponent("cert.pem")
        case .starttlsWithoutAuth:
            arguments += ["--tls", certificates, "--no-auth"]
            caFile = (certificates as NSString).appendingPathComponent("cert.pem")
        case .stalled:
            arguments += ["--stall"]
            caFile = nil
        }
        if let rejectRcpt { arguments += ["--reject-rcpt", rejectRcpt] }
        if let rejectData { arguments += ["--reject-data", rejectData] }
        server = try TestHTTPServer(script: "smtp_server.py", arguments: arguments)
        self.port = server.port
    }

    func stop() {
        server.stop()
        directory.remove()
    }

    /// The messages stored so far, in the order they arrived.
    func delivered() throws -> [Delivered] {
        let store = directory.appending("store")
        let names = try FileManager.default.contentsOfDirectory(atPath: store)
            .filter { $0.hasSuffix(".eml") }
            .sorted { Int($0.dropLast(4)) ?? 0 < Int($1.dropLast(4)) ?? 0 }
        return try names.map { name in
            let path = (store as NSString).appendingPathComponent(name)
            let record = (store as NSString).appendingPathComponent(String(name.dropLast(4)) + ".json")
            let session = try JSONDecoder().decode(Session.self, from: Data(contentsOf: URL(fileURLWithPath: record)))
            return Delivered(path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), session: session)
        }
    }
}
