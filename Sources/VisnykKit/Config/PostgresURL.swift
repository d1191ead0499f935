import Foundation

/// `postgres://user@host:port/database?sslmode=…`, as `[state] url` takes it: a password in
/// the URL is refused (it belongs in a file or a credential).
public struct PostgresURL: Sendable, Equatable {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    /// `disable` (the default for a loopback host), `require` (the default otherwise).
    public var requireTLS: Bool

    public struct Problem: Error, Sendable {
        public var message: String
    }

    public static func parse(_ text: String) -> Result<PostgresURL, Problem> {
        let example = "postgres://visnyk@db.example.org:5432/visnyk"
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            return .failure(Problem(message: "\"\(text)\" is not a postgres:// URL: write it like \"\(example)\""))
        }
        if components.password != nil {
            return .failure(Problem(message: "the URL holds a password: remove it, and put the password in a file named by password_file (or the credential postgres-password)"))
        }
        guard let host = components.host, !host.isEmpty else {
            return .failure(Problem(message: "\"\(text)\" names no host: write it like \"\(example)\""))
        }
        guard let user = components.user, !user.isEmpty else {
            return .failure(Problem(message: "\"\(text)\" names no user: write it like \"\(example)\""))
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            return .failure(Problem(message: "\"\(text)\" names no database: end it with /NAME, like \"\(example)\""))
        }
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        var requireTLS = !loopback
        for item in components.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("sslmode", "disable"): requireTLS = false
            case ("sslmode", "require"), ("sslmode", "verify-full"): requireTLS = true
            default:
                return .failure(Problem(message: "\(item.name)=\(item.value ?? "") is not understood: only sslmode=disable or sslmode=require may follow the database name"))
            }
        }
        return .success(PostgresURL(user: user, host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")),
                                    port: components.port ?? 5432, database: database, requireTLS: requireTLS))
    }

    /// The URL for messages (it never holds a password).
    public var display: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
