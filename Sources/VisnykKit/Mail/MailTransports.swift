import Foundation

/// Builds the transport that `[mail]` describes.
public enum MailTransports {
    /// Resolves the SMTP password (`password_file`; else `$CREDENTIALS_DIRECTORY/<credential>`;
    /// else the environment variable `password_env`) and the EHLO name (`ehlo_name`, else the
    /// host name).
    public static func make(_ config: MailConfig, environment: [String: String]) throws(MailError) -> any MailTransport {
        let place = config.line > 0 ? " ([mail] at line \(config.line))" : ""
        switch config.transport {
        case .smtp:
            guard let url = config.url else {
                throw MailError(.configuration, "transport = \"smtp\" needs `url`\(place), e.g. smtp://mail.example.org:587.")
            }
            let password = try config.username == nil ? nil : password(config, environment: environment, place: place)
            return try SMTPTransport(url: url, username: config.username, password: password, caFile: config.caFile,
                                     ehloName: config.ehloName ?? SpoolHost.current(), timeout: config.timeout, tls: config.tls)
        case .sendmail:
            return SendmailTransport(path: config.sendmail, timeout: config.timeout)
        case .maildir:
            guard let directory = config.maildir else {
                throw MailError(.configuration, "transport = \"maildir\" needs `maildir`\(place), the directory to write messages into.")
            }
            return MaildirTransport(directory: directory)
        }
    }

    private static func password(_ config: MailConfig, environment: [String: String], place: String) throws(MailError) -> String {
        if let file = config.passwordFile {
            return try read(file, what: "password_file")
        }
        if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
            let file = (directory as NSString).appendingPathComponent(config.credential)
            if FileManager.default.fileExists(atPath: file) {
                return try read(file, what: "the systemd credential \(config.credential)")
            }
        }
        if let value = environment[config.passwordEnv], !value.isEmpty {
            return value
        }
        throw MailError(.configuration, "`username` is set\(place) but no password was found: put it in a file named by `password_file`, pass it as the systemd credential \"\(config.credential)\" (LoadCredential=), or set $\(config.passwordEnv).")
    }

    /// The file's content without its trailing line break.
    private static func read(_ path: String, what: String) throws(MailError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = access(path, F_OK) == 0 ? "cannot be read by this user" : "does not exist"
            throw MailError(.configuration, "The SMTP password file \(path) (\(what)) \(reason).")
        }
        guard data.count <= 4096, var text = String(data: data, encoding: .utf8) else {
            throw MailError(.configuration, "The SMTP password file \(path) (\(what)) is not a short UTF-8 text file.")
        }
        while text.last?.isNewline == true { text.removeLast() }
        guard !text.isEmpty else {
            throw MailError(.configuration, "The SMTP password file \(path) (\(what)) is empty.")
        }
        return text
    }
}
