import Foundation
import Testing
@testable import VisnykKit

@Suite("Config: [mail]")
struct MailConfigTests {
    private static func mail(_ body: String, path: String = "/etc/visnyk/visnyk.toml") throws -> MailConfig? {
        try ConfigLoader.parse("[mail]\n" + body, path: path).mail
    }

    /// `line: key: message` of each problem; the [mail] header is line 1.
    private static func found(_ body: String) -> [String] {
        do {
            _ = try ConfigLoader.parse("[mail]\n" + body, path: "/etc/visnyk/visnyk.toml")
            return []
        } catch {
            return error.problems.map { "\($0.line.map(String.init) ?? "-"): \($0.key ?? "-"): \($0.message)" }
        }
    }

    @Test("smtp with every key; relative paths from the config file's directory")
    func smtpEveryKey() throws {
        let body = """
            transport = "smtp"
            url = "smtp://mail.example.org/host.example.org"
            username = "visnyk"
            password_file = "secrets/smtp-password"
            credential = "visnyk-smtp"
            password_env = "MY_SMTP_PASSWORD"
            ca_file = "/etc/ssl/certs/ca-certificates.crt"
            ehlo_name = "host.example.org"
            timeout = "30s"
            """
        #expect(try Self.mail(body) == MailConfig(
            transport: .smtp, url: "smtp://mail.example.org:587/host.example.org", username: "visnyk",
            passwordFile: "/etc/visnyk/secrets/smtp-password", credential: "visnyk-smtp",
            passwordEnv: "MY_SMTP_PASSWORD", caFile: "/etc/ssl/certs/ca-certificates.crt",
            ehloName: "host.example.org", timeout: .seconds(30), line: 1))
    }

    @Test("tls = \"none\": clear text only to this machine, without a login")
    func clearText() throws {
        for host in ["localhost", "127.0.0.1", "[::1]", "127.1.2.3"] {
            let mail = try #require(try Self.mail("transport = \"smtp\"\nurl = \"smtp://\(host):25\"\ntls = \"none\"\n"))
            #expect(mail.tls == MailConfig.TLS.none)
        }
        #expect(try Self.mail("transport = \"smtp\"\nurl = \"smtp://localhost:25\"\n")?.tls == .required)
        #expect(Self.found("transport = \"smtp\"\nurl = \"smtp://mail.example.org:25\"\ntls = \"none\"\n")
                == ["4: mail.tls: tls = \"none\" is only for a mail server on this machine (localhost, 127.0.0.1, ::1): mail and any password would cross the network in clear text; remove tls to require STARTTLS"])
        #expect(Self.found("transport = \"smtp\"\nurl = \"smtp://localhost:25\"\nusername = \"me\"\ntls = \"none\"\n")
                == ["5: mail.tls: tls = \"none\" with a username would send the password in clear text: remove username (a local mail server needs no login) or remove tls"])
        #expect(Self.found("transport = \"smtp\"\nurl = \"smtps://localhost:465\"\ntls = \"none\"\n")
                == ["4: mail.tls: tls = \"none\" contradicts smtps://: remove tls, or use smtp:// to a local mail server"])
        #expect(Self.found("transport = \"smtp\"\nurl = \"smtp://localhost:25\"\ntls = \"off\"\n")
                == ["4: mail.tls: \"off\" is not a TLS setting: write \"required\" (the default) or \"none\" (clear text, only to a mail server on this machine)"])
    }

    @Test("defaults: credential, environment variable, sendmail path, timeout")
    func defaults() throws {
        let mail = try #require(try Self.mail("transport = \"sendmail\"\n"))
        #expect(mail == MailConfig(transport: .sendmail, line: 1))
        #expect(mail.credential == "smtp-password")
        #expect(mail.passwordEnv == "VISNYK_SMTP_PASSWORD")
        #expect(mail.sendmail == "/usr/sbin/sendmail")
        #expect(mail.timeout == .seconds(120))
        #expect(try Self.mail("transport = \"sendmail\"\nsendmail = \"bin/sendmail\"\n")?.sendmail == "/etc/visnyk/bin/sendmail")
    }

    @Test("smtp URLs: the port made explicit, smtp or smtps only, a host, no user in it")
    func smtpURLs() throws {
        let urls = [
            "smtp://mail.example.org": "smtp://mail.example.org:587",
            "smtps://mail.example.org": "smtps://mail.example.org:465",
            "SMTP://Mail.Example.org:2525": "smtp://Mail.Example.org:2525",
            "smtps://mail.example.org:465/": "smtps://mail.example.org:465/",
            "smtp://127.0.0.1:2525": "smtp://127.0.0.1:2525",
            "smtp://[::1]": "smtp://[::1]:587",
            "smtp://[::1]:25": "smtp://[::1]:25",
        ]
        for (written, read) in urls {
            #expect(try Self.mail("transport = \"smtp\"\nurl = \"\(written)\"\n")?.url == read, "\(written)")
        }
        let bad = [
            "http://mail.example.org": "\"http://mail.example.org\" is not an smtp:// or smtps:// URL: write smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465 (TLS from the start)",
            "mail.example.org:587": "\"mail.example.org:587\" is not a URL: write smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465 (TLS from the start)",
            "smtp://": "\"smtp://\" has no valid host name: write smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465 (TLS from the start)",
            "smtp://:587": "\"smtp://:587\" has no valid host name: write smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465 (TLS from the start)",
            "smtp://visnyk:secret@mail.example.org": "\"smtp://visnyk:secret@mail.example.org\" has a user name in it: write username = \"…\" instead, and put the password in a file named by password_file",
            "smtp://mail.example.org:70000": "\"smtp://mail.example.org:70000\": the port must be a number from 1 to 65535, like :587",
            "smtp://mail.example.org:": "\"smtp://mail.example.org:\": the port must be a number from 1 to 65535, like :587",
            "smtp://mail example.org": "\"smtp://mail example.org\" contains a space: write smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465 (TLS from the start)",
            "smtp://mail.example.org?x=1": "\"smtp://mail.example.org?x=1\" has a ? or # part, which SMTP does not use: remove it",
            "smtp://[::1": "\"smtp://[::1\": an IPv6 address in brackets needs its \"]\": write smtp://mail.example.org:587 (STARTTLS) or smtps://mail.example.org:465 (TLS from the start)",
        ]
        for (written, message) in bad {
            #expect(Self.found("transport = \"smtp\"\nurl = \"\(written)\"\n") == ["3: mail.url: \(message)"], "\(written)")
        }
    }

    @Test("each transport's required key; the transport itself")
    func transports() {
        #expect(Self.found("transport = \"smtp\"\nusername = \"v\"\n") == [
            "2: mail.transport: transport = \"smtp\" needs a url: add url = \"smtp://mail.example.org:587\" (STARTTLS) or \"smtps://mail.example.org:465\" (TLS from the start)",
        ])
        #expect(Self.found("transport = \"maildir\"\n") == [
            "2: mail.transport: transport = \"maildir\" needs the directory: add maildir = \"/var/lib/visnyk/outbox\" (created when missing)",
        ])
        #expect(Self.found("url = \"smtp://mail.example.org\"\n") == [
            "1: mail: [mail] has no transport: add transport = \"smtp\" (with url = \"smtp://mail.example.org:587\"), \"sendmail\" or \"maildir\"",
        ])
        #expect(Self.found("transport = \"lmtp\"\n") == [
            "2: mail.transport: \"lmtp\" is not a transport: write \"smtp\" (a mail server, with url), \"sendmail\" (the local sendmail program) or \"maildir\" (files in a directory)",
        ])
        #expect(Self.found("transport = \"maildir\"\nmaildir = \"\"\n").count == 1)
    }

    @Test("a password in the file is refused, saying where it goes")
    func password() {
        let advice = "put the password in a file named by password_file, or in $CREDENTIALS_DIRECTORY/smtp-password (systemd LoadCredential=), or in the environment variable VISNYK_SMTP_PASSWORD — never in the config file"
        #expect(Self.found("transport = \"smtp\"\nurl = \"smtp://m.example.org\"\npassword = \"hunter2\"\n") == ["4: mail.password: \(advice)"])
        #expect(Self.found("transport = \"smtp\"\nurl = \"smtp://m.example.org\"\nsmtp_password = \"hunter2\"\n") == ["4: mail.smtp_password: \(advice)"])
    }

    @Test("credential, environment variable and EHLO names")
    func names() {
        #expect(Self.found("transport = \"sendmail\"\ncredential = \"../smtp\"\n") == ["3: mail.credential: \"../smtp\" is not a file name: write the credential's name as in LoadCredential=NAME:…, like credential = \"smtp-password\""])
        #expect(Self.found("transport = \"sendmail\"\npassword_env = \"1PASS\"\n") == ["3: mail.password_env: \"1PASS\" is not an environment variable name: use letters, digits and _, like password_env = \"VISNYK_SMTP_PASSWORD\""])
        #expect(Self.found("transport = \"sendmail\"\nehlo_name = \"my host\"\n") == ["3: mail.ehlo_name: \"my host\" is not a host name: write this machine's name as the mail server knows it, like ehlo_name = \"host.example.org\""])
        #expect(Self.found("transport = \"sendmail\"\nusername = \"\"\n") == ["3: mail.username: is empty: write a value, or remove the key"])
        #expect(Self.found("transport = \"sendmail\"\ntimeout = \"soon\"\n").count == 1)
    }

    @Test("unknown keys: suggestions, and keys of other tables named as such")
    func unknownKeys() {
        #expect(Self.found("transport = \"sendmail\"\nusename = \"v\"\nspool_dir = \"/x\"\nto = \"a@example.org\"\n") == [
            "3: mail.usename: unknown key: did you mean \"username\"?",
            "4: mail.spool_dir: unknown key here: spool_dir is a global setting: move it above the first table header (keys below a header belong to that table)",
            "5: mail.to: unknown key here: to is a [[digest]] key: put it below a [[digest]] header",
        ])
    }

    @Test("visnyk check: the password file, CA file and sendmail program exist")
    func filesAtCheck() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("visnyk.toml")
        func check(_ body: String) throws -> [String] {
            try Data(("[mail]\n" + body).utf8).write(to: URL(fileURLWithPath: path))
            do {
                _ = try ConfigLoader.check(path: path)
                return []
            } catch {
                return error.problems.map { "\($0.line.map(String.init) ?? "-"): \($0.key ?? "-"): \($0.message)" }
            }
        }
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: directory.appending("password")))
        #expect(try check("transport = \"smtp\"\nurl = \"smtp://m.example.org\"\npassword_file = \"password\"\n") == [])
        #expect(try check("transport = \"smtp\"\nurl = \"smtp://m.example.org\"\npassword_file = \"nope\"\nca_file = \"ca.pem\"\n") == [
            "4: mail.password_file: \(directory.appending("nope")) does not exist: fix the path (relative paths are relative to this config file)",
            "5: mail.ca_file: \(directory.appending("ca.pem")) does not exist: fix the path (relative paths are relative to this config file)",
        ])
        #expect(try check("transport = \"sendmail\"\nsendmail = \"/bin/sh\"\n") == [])
        #expect(try check("transport = \"sendmail\"\nsendmail = \"password\"\n") == [
            "3: mail.sendmail: \(directory.appending("password")) is not executable: name the sendmail program (install a mail transfer agent, or use transport = \"smtp\")",
        ])
        #expect(try check("transport = \"sendmail\"\nsendmail = \"/nonexistent/sendmail\"\n") == [
            "3: mail.sendmail: /nonexistent/sendmail does not exist: fix the path (relative paths are relative to this config file)",
        ])
    }
}
