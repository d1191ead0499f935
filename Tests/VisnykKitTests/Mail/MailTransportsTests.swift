import Foundation
import Testing
@testable import VisnykKit

@Suite struct MailTransportsTests {
    func smtpConfig(passwordFile: String? = nil) -> MailConfig {
        MailConfig(transport: .smtp, url: "smtp://mail.example.org:587", username: "visnyk",
                   passwordFile: passwordFile, ehloName: "box.example.org", line: 12)
    }

    @Test func thePasswordFileComesFirstWithoutItsLineBreak() throws {
        let directory = try TemporaryDirectory("visnyk-mailcfg")
        defer { directory.remove() }
        let file = directory.appending("password")
        try "from file\r\n".write(toFile: file, atomically: true, encoding: .utf8)
        let transport = try MailTransports.make(smtpConfig(passwordFile: file), environment: ["VISNYK_SMTP_PASSWORD": "env"])
        let smtp = try #require(transport as? SMTPTransport)
        #expect(smtp.credentials?.password == "from file")
        #expect(smtp.summary == "smtp://mail.example.org:587 (STARTTLS), user visnyk")
        #expect(smtp.sessionURL == "smtp://mail.example.org:587/box.example.org")
    }

    @Test func thenTheSystemdCredentialThenTheEnvironment() throws {
        let directory = try TemporaryDirectory("visnyk-mailcfg")
        defer { directory.remove() }
        try "from credential\n".write(toFile: directory.appending("smtp-password"), atomically: true, encoding: .utf8)
        let withCredential = try MailTransports.make(smtpConfig(), environment: ["CREDENTIALS_DIRECTORY": directory.path, "VISNYK_SMTP_PASSWORD": "env"])
        #expect((withCredential as? SMTPTransport)?.credentials?.password == "from credential")
        let fromEnvironment = try MailTransports.make(smtpConfig(), environment: ["CREDENTIALS_DIRECTORY": directory.appending("none"), "VISNYK_SMTP_PASSWORD": "env"])
        #expect((fromEnvironment as? SMTPTransport)?.credentials?.password == "env")
    }

    @Test func noPasswordAnywhereSaysWhereToPutIt() {
        #expect {
            try MailTransports.make(smtpConfig(), environment: [:])
        } throws: { error in
            let error = error as! MailError
            return error.isPermanent && error.description.contains("password_file") && error.description.contains("VISNYK_SMTP_PASSWORD")
                && error.description.contains("line 12")
        }
        #expect(throws: MailError.self) {
            try MailTransports.make(smtpConfig(passwordFile: "/nonexistent/password"), environment: [:])
        }
    }

    @Test func sendmailAndMaildir() throws {
        let sendmail = try MailTransports.make(MailConfig(transport: .sendmail), environment: [:])
        #expect(sendmail.summary == "sendmail /usr/sbin/sendmail")
        let maildir = try MailTransports.make(MailConfig(transport: .maildir, maildir: "/var/mail/visnyk"), environment: [:])
        #expect(maildir.summary == "maildir /var/mail/visnyk")
        #expect(throws: MailError.self) { try MailTransports.make(MailConfig(transport: .maildir), environment: [:]) }
        #expect(throws: MailError.self) { try MailTransports.make(MailConfig(transport: .smtp), environment: [:]) }
    }

    @Test func withoutAUserNameNoPasswordIsLookedFor() throws {
        let config = MailConfig(transport: .smtp, url: "smtps://mail.example.org", ehloName: "box.example.org")
        let smtp = try #require(try MailTransports.make(config, environment: [:]) as? SMTPTransport)
        #expect(smtp.credentials == nil)
        #expect(smtp.summary == "smtps://mail.example.org:465 (TLS)")
    }
}
