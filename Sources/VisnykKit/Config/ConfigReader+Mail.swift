import TOMLKit

extension ConfigReader {
    static let passwordAdvice = "put the password in a file named by password_file, or in $CREDENTIALS_DIRECTORY/smtp-password (systemd LoadCredential=), or in the environment variable VISNYK_SMTP_PASSWORD — never in the config file"

    /// The `[mail]` table; nil when anything in it is wrong (the problems are reported).
    mutating func readMail(_ value: any TOMLValueConvertible) -> MailConfig? {
        let path: [TOMLPathComponent] = [.key("mail")]
        guard let table = value.table else {
            report(path, value.array != nil
                ? "mail is one [mail] table, with single brackets"
                : "must be a table: write a [mail] header followed by its keys, like transport = \"smtp\"")
            return nil
        }
        let problemsBefore = problems.count
        var transport: MailConfig.Transport?
        var mail = MailConfig(transport: .smtp, line: keyLines.line(of: path) ?? 0)
        for key in table.keys {
            guard let value = table[key] else { continue }
            let at = path + [.key(key)]
            switch key {
            case "transport":
                transport = choice(value, at: at, example: "\"smtp\"") { text in
                    "\"\(text)\" is not a transport: write \"smtp\" (a mail server, with url), \"sendmail\" (the local sendmail program) or \"maildir\" (files in a directory)"
                }
            case "url":
                mail.url = smtpURL(value, at: at)
            case "username":
                mail.username = plainText(value, at: at, example: "\"visnyk\"")
            case "password_file":
                mail.passwordFile = self.path(value, at: at)
            case "credential":
                mail.credential = credentialName(value, at: at) ?? mail.credential
            case "password_env":
                mail.passwordEnv = environmentName(value, at: at) ?? mail.passwordEnv
            case "ca_file":
                mail.caFile = self.path(value, at: at)
            case "ehlo_name":
                mail.ehloName = ehloName(value, at: at)
            case "sendmail":
                mail.sendmail = self.path(value, at: at) ?? mail.sendmail
            case "maildir":
                mail.maildir = self.path(value, at: at)
            case "timeout":
                mail.timeout = duration(value, at: at) ?? mail.timeout
            case "tls":
                mail.tls = choice(value, at: at, example: "\"required\"") { text in
                    "\"\(text)\" is not a TLS setting: write \"required\" (the default) or \"none\" (clear text, only to a mail server on this machine)"
                } ?? mail.tls
            case "password", "pass", "smtp_password":
                report(at, Self.passwordAdvice)
            default:
                let owner = ConfigKeys.owner(of: key)
                unknown(key, at: at, known: ConfigKeys.mail, later: [:],
                        elsewhere: owner == nil ? [] : [key], elsewhereHint: owner ?? "")
            }
        }
        let transportPath = path + [.key("transport")]
        switch transport {
        case .smtp where table["url"] == nil:
            report(transportPath, "transport = \"smtp\" needs a url: add url = \"smtp://mail.example.org:587\" (STARTTLS) or \"smtps://mail.example.org:465\" (TLS from the start)")
        case .maildir where table["maildir"] == nil:
            report(transportPath, "transport = \"maildir\" needs the directory: add maildir = \"/var/lib/visnyk/outbox\" (created when missing)")
        case nil where table["transport"] == nil:
            report(path, "[mail] has no transport: add transport = \"smtp\" (with url = \"smtp://mail.example.org:587\"), \"sendmail\" or \"maildir\"")
        default:
            break
        }
        if mail.tls == .none, let url = mail.url, problems.count == problemsBefore {
            checkClearText(mail, url: url, at: path + [.key("tls")])
        }
        guard problems.count == problemsBefore, let transport else { return nil }
        mail.transport = transport
        return mail
    }

    /// Clear text only where nothing crosses a network: smtp:// to a loopback address, no login.
    private mutating func checkClearText(_ mail: MailConfig, url: String, at path: [TOMLPathComponent]) {
        if url.lowercased().hasPrefix("smtps://") {
            report(path, "tls = \"none\" contradicts smtps://: remove tls, or use smtp:// to a local mail server")
        } else if !ConfigSMTPURL.isLoopback(url) {
            report(path, "tls = \"none\" is only for a mail server on this machine (localhost, 127.0.0.1, ::1): mail and any password would cross the network in clear text; remove tls to require STARTTLS")
        } else if mail.username != nil {
            report(path, "tls = \"none\" with a username would send the password in clear text: remove username (a local mail server needs no login) or remove tls")
        }
    }

    private mutating func smtpURL(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let text = string(value, at: path, example: "\"smtp://mail.example.org:587\"") else { return nil }
        switch ConfigSMTPURL.normalized(text) {
        case .success(let url):
            return url
        case .failure(let error):
            report(path, error.message)
            return nil
        }
    }

    private mutating func plainText(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent], example: String) -> String? {
        guard let text = string(value, at: path, example: example) else { return nil }
        guard !text.isEmpty, !text.contains("\t") else {
            report(path, text.isEmpty ? "is empty: write a value, or remove the key" : "contains a tab: remove it")
            return nil
        }
        return text
    }

    /// A file name in $CREDENTIALS_DIRECTORY: no slashes.
    private mutating func credentialName(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let name = plainText(value, at: path, example: "\"smtp-password\"") else { return nil }
        guard !name.contains("/"), name != ".", name != ".." else {
            report(path, "\"\(name)\" is not a file name: write the credential's name as in LoadCredential=NAME:…, like credential = \"smtp-password\"")
            return nil
        }
        return name
    }

    private mutating func environmentName(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let name = plainText(value, at: path, example: "\"VISNYK_SMTP_PASSWORD\"") else { return nil }
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
              name.allSatisfy({ $0 == "_" || $0.isASCIIDigit || ($0.isASCII && $0.isLetter) })
        else {
            report(path, "\"\(name)\" is not an environment variable name: use letters, digits and _, like password_env = \"VISNYK_SMTP_PASSWORD\"")
            return nil
        }
        return name
    }

    private mutating func ehloName(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let name = plainText(value, at: path, example: "\"host.example.org\"") else { return nil }
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-[]:".contains($0)) }) else {
            report(path, "\"\(name)\" is not a host name: write this machine's name as the mail server knows it, like ehlo_name = \"host.example.org\"")
            return nil
        }
        return name
    }
}
