import TOMLKit

extension ConfigReader {
    /// The `[state]` table; the default (SQLite) when anything in it is wrong (reported).
    mutating func readState(_ value: any TOMLValueConvertible) -> StateConfig {
        let path: [TOMLPathComponent] = [.key("state")]
        var state = StateConfig()
        guard let table = value.table else {
            report(path, "must be a table: write a [state] header followed by its keys, like backend = \"postgres\"")
            return state
        }
        state.line = keyLines.line(of: path) ?? 0
        for key in table.keys {
            guard let value = table[key] else { continue }
            let at = path + [.key(key)]
            switch key {
            case "backend":
                state.backend = choice(value, at: at, example: "\"postgres\"") { text in
                    "\"\(text)\" is not a state backend: write \"sqlite\" (a file in state_dir, the default) or \"postgres\" (a PostgreSQL database several daemons share, with url)"
                } ?? state.backend
            case "url":
                state.url = postgresURL(value, at: at)
            case "password_file":
                state.passwordFile = self.path(value, at: at)
            case "credential":
                if let name = string(value, at: at, example: "\"postgres-password\"") {
                    if name.isEmpty || name.contains("/") {
                        report(at, "\"\(name)\" is not a file name: write the credential's name as in LoadCredential=NAME:…, like credential = \"postgres-password\"")
                    } else {
                        state.credential = name
                    }
                }
            case "node":
                if let node = string(value, at: at, example: "\"feeds-1\"") {
                    if node.isEmpty || node.count > 200 || node.contains(where: { $0.isWhitespace || $0.isNewline }) {
                        report(at, "\"\(node)\" is not a node name: write a short name without spaces, like node = \"feeds-1\", or remove it (host name and process id)")
                    } else {
                        state.node = node
                    }
                }
            case "lease":
                if let lease = duration(value, at: at) {
                    if lease < .seconds(2) || lease > .seconds(3_600) {
                        report(at, "\(DurationText.format(lease)) is not a usable lease: write between \"2s\" and \"1h\" (default \"60s\")")
                    } else {
                        state.lease = lease
                    }
                }
            case "password", "pass":
                report(at, "put the database password in a file named by password_file, or in $CREDENTIALS_DIRECTORY/postgres-password (systemd LoadCredential=) — never in the config file")
            default:
                unknown(key, at: at, known: ConfigKeys.state, later: [:], elsewhere: [], elsewhereHint: "")
            }
        }
        if state.backend == .postgres, state.url == nil, table["url"] == nil {
            report(path + [.key("backend")], "backend = \"postgres\" needs the database: add url = \"postgres://visnyk@db.example.org:5432/visnyk\"")
        }
        if state.backend == .sqlite, table["url"] != nil {
            report(path + [.key("url")], "url is only read with backend = \"postgres\": add backend = \"postgres\", or remove url")
        }
        return state
    }

    private mutating func postgresURL(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let text = string(value, at: path, example: "\"postgres://visnyk@db.example.org:5432/visnyk\"") else { return nil }
        switch PostgresURL.parse(text) {
        case .success:
            return text
        case .failure(let problem):
            report(path, problem.message)
            return nil
        }
    }
}
