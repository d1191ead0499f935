import Foundation
import Testing
@testable import VisnykKit

/// libcurl against aiosmtpd on 127.0.0.1: STARTTLS with a self-signed certificate, AUTH checked
/// by the server, and the failures a digest meets in practice.
@Suite struct SMTPTransportTests {
    let user = (user: "visnyk", password: "s3cret pass")

    func transport(_ server: TestSMTPServer, scheme: String = "smtp", host: String = "localhost", password: String? = nil,
                   username: String? = "visnyk", caFile: String?? = nil) throws -> SMTPTransport {
        try SMTPTransport(url: "\(scheme)://\(host):\(server.port)", username: username,
                          password: username == nil ? nil : (password ?? user.password),
                          caFile: caFile ?? server.caFile, ehloName: "digest.host.example", timeout: .seconds(30))
    }

    func expectFailure(_ transport: SMTPTransport, _ mail: ComposedMail,
                       _ check: (MailError) -> Bool) async {
        await #expect {
            try await transport.send(mail)
        } throws: { error in
            check(error as! MailError)
        }
    }

    @Test func deliversOverSTARTTLSAfterAuthentication() async throws {
        let server = try TestSMTPServer(.starttls(auth: user))
        defer { server.stop() }
        let smtp = try transport(server)
        #expect(smtp.summary == "smtp://localhost:\(server.port) (STARTTLS), user visnyk")
        let message = try MailSamples.message(to: ["Reader <reader@example.org>", "Другий <second@example.org>"])
        try await smtp.send(MIMEComposer.compose(message))
        try await smtp.send(MIMEComposer.compose(try MailSamples.message(subject: MailSamples.longSubject)))
        let delivered = try server.delivered()
        #expect(delivered.count == 2)
        for item in delivered {
            // The server takes unauthenticated mail too: this is what proves AUTH happened.
            #expect(item.session.authenticated)
            #expect(item.session.login == "visnyk")
            #expect(item.session.tls)
            #expect(item.session.ehlo == "digest.host.example")
            #expect(item.session.mail_from == "visnyk@example.org")
        }
        #expect(delivered[0].session.rcpt_tos == ["reader@example.org", "second@example.org"])
        let first = try CheckedMail(path: delivered[0].path)
        #expect(first.defects.isEmpty)
        #expect(first.subject == MailSamples.subject)
        #expect(first.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(first.parts.allSatisfy { $0.charset?.lowercased() == "utf-8" })
        #expect(first.content("text/plain") == MailSamples.trickyText)
        #expect(first.content("text/html") == message.html)
        #expect(first.max_line <= 998 && first.max_body_line <= 76)
        #expect(try CheckedMail(path: delivered[1].path).subject == MailSamples.longSubject)
    }

    @Test func dotLinesSurviveTheWireUnencoded() async throws {
        // Raw lines "." and ".x" in the message itself (not QP-protected): libcurl dot-stuffs.
        let server = try TestSMTPServer(.starttls(auth: nil))
        defer { server.stop() }
        var mail = MIMEComposer.compose(try MailSamples.message())
        let raw = "Subject: dots\r\nFrom: a@example.org\r\nTo: b@example.org\r\n\r\n.\r\n.leading\r\n..two\r\nend\r\n"
        mail.bytes = Array(raw.utf8)
        try await transport(server, username: nil).send(mail)
        let delivered = try server.delivered()
        #expect(delivered.count == 1)
        #expect(String(decoding: delivered[0].bytes, as: UTF8.self).hasSuffix("\r\n\r\n.\r\n.leading\r\n..two\r\nend\r\n"))
        #expect(delivered[0].session.authenticated == false)
    }

    @Test func aServerWithoutAUTHGetsNothingWhenAPasswordIsSet() async throws {
        let server = try TestSMTPServer(.starttlsWithoutAuth)
        defer { server.stop() }
        await expectFailure(try transport(server), MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .authentication && error.isPermanent && error.description.contains("does not offer AUTH")
        }
        #expect(try server.delivered().isEmpty)
    }

    @Test func aWrongPasswordIsACredentialsError() async throws {
        let server = try TestSMTPServer(.starttls(auth: user))
        defer { server.stop() }
        let secret = "Zq9-not-the-password"
        let encoded = [secret, "\0visnyk\0" + secret].map { Data($0.utf8).base64EncodedString() }
        await expectFailure(try transport(server, password: secret), MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .authentication && error.isPermanent && error.description.contains("user name and password")
                && error.description.contains("535") && !error.description.contains(secret)
                && encoded.allSatisfy { !error.description.contains($0) }
        }
        #expect(try server.delivered().isEmpty)
    }

    @Test func aServerWithoutSTARTTLSGetsNothing() async throws {
        let server = try TestSMTPServer(.plain)
        defer { server.stop() }
        await expectFailure(try transport(server, username: nil), MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .tls && error.description.contains("STARTTLS")
        }
        #expect(try server.delivered().isEmpty)
    }

    @Test func aLocalServerWithoutTLSGetsTheMessageOnlyWhenTLSIsNone() async throws {
        let server = try TestSMTPServer(.plain)
        defer { server.stop() }
        let smtp = try SMTPTransport(url: "smtp://127.0.0.1:\(server.port)", username: nil, password: nil, caFile: nil,
                                     ehloName: "digest.host.example", timeout: .seconds(30), tls: .none)
        #expect(smtp.summary == "smtp://127.0.0.1:\(server.port) (clear text, this machine)")
        let mail = MIMEComposer.compose(try MailSamples.message())
        try await smtp.send(mail)
        let delivered = try server.delivered()
        #expect(delivered.count == 1)
        #expect(delivered.first.map { !$0.session.tls && !$0.session.authenticated } == true)
        let checked = try CheckedMail(path: try #require(delivered.first).path)
        #expect(checked.subject == MailSamples.subject)
    }

    @Test(arguments: [("smtp://mail.example.org:25", nil), ("smtps://127.0.0.1:465", nil), ("smtp://127.0.0.1:25", "visnyk"),
                      ("smtp://127.0.0.2.example.org:25", nil)] as [(String, String?)])
    func clearTextIsOnlyForThisMachineWithoutALogin(_ url: String, _ username: String?) {
        #expect {
            try SMTPTransport(url: url, username: username, password: username.map { _ in "secret" }, caFile: nil,
                              ehloName: "h.example", timeout: .seconds(5), tls: .none)
        } throws: { error in
            (error as? MailError)?.kind == .configuration && "\(error)".contains("tls = \"none\"")
        }
    }

    @Test func anUnknownCertificateIsRefused() async throws {
        let server = try TestSMTPServer(.starttls(auth: user))
        defer { server.stop() }
        await expectFailure(try transport(server, caFile: .some(nil)), MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .tls && error.description.contains("certificate") && error.description.contains("ca_file")
        }
        #expect(try server.delivered().isEmpty)
    }

    @Test func theCertificateAlsoNamesTheIPAddress() async throws {
        let server = try TestSMTPServer(.starttls(auth: user))
        defer { server.stop() }
        try await transport(server, host: "127.0.0.1").send(MIMEComposer.compose(try MailSamples.message()))
        #expect(try server.delivered().count == 1)
    }

    @Test func smtpsOnASTARTTLSPortSaysWhatToWrite() async throws {
        let server = try TestSMTPServer(.starttls(auth: user))
        defer { server.stop() }
        await expectFailure(try transport(server, scheme: "smtps"), MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .tls && error.description.contains("smtp://host:587")
        }
        #expect(try server.delivered().isEmpty)
    }

    @Test func aRefusedRecipientIsPermanentWithTheServersWords() async throws {
        let server = try TestSMTPServer(.starttls(auth: user), rejectRcpt: "550 5.1.1 no such user here")
        defer { server.stop() }
        await expectFailure(try transport(server), MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .rejected(code: 550) && error.isPermanent && error.description.contains("no such user here")
                && error.description.contains("RCPT")
        }
        #expect(try server.delivered().isEmpty)
    }

    @Test func aTemporaryRefusalOfDataIsTransient() async throws {
        let server = try TestSMTPServer(.starttls(auth: user), rejectData: "451 4.3.0 queue full, try later")
        defer { server.stop() }
        await expectFailure(try transport(server), MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .rejected(code: 451) && !error.isPermanent && error.description.contains("queue full, try later")
        }
        #expect(try server.delivered().isEmpty)
    }

    @Test func nobodyListeningIsATransientConnectionError() async throws {
        let server = try TestSMTPServer(.plain)
        let port = server.port
        server.stop()
        let smtp = try SMTPTransport(url: "smtp://127.0.0.1:\(port)", username: nil, password: nil, caFile: nil,
                                     ehloName: "digest.host.example", timeout: .seconds(10))
        await expectFailure(smtp, MIMEComposer.compose(try MailSamples.message())) { error in
            error.kind == .connection && !error.isPermanent && error.description.contains("127.0.0.1:\(port)")
        }
    }

    @Test func cancellingTheTaskEndsTheSession() async throws {
        let server = try TestSMTPServer(.stalled)
        defer { server.stop() }
        // Without cancellation this would end only by the 120 s timeout, as a .connection error.
        let smtp = try SMTPTransport(url: "smtp://127.0.0.1:\(server.port)", username: nil, password: nil, caFile: nil,
                                     ehloName: "digest.host.example", timeout: .seconds(120))
        try await MailSamples.expectCancelledSend(through: smtp)
    }

    @Test(arguments: ["http://mail.example.org", "smtp://user:pw@mail.example.org", "smtp:///nohost",
                      "smtp://mail.example.org:587/path", "mail.example.org"])
    func badURLsAreConfigurationErrors(_ url: String) {
        #expect {
            try SMTPTransport(url: url, username: nil, password: nil, caFile: nil, ehloName: "h.example", timeout: .seconds(5))
        } throws: { error in
            let error = error as! MailError
            return error.kind == .configuration && error.isPermanent && error.description.contains("smtps://host:465")
        }
    }

    @Test func badEHLONamesAndHalfCredentialsAreRefused() {
        #expect(throws: MailError.self) {
            try SMTPTransport(url: "smtp://m.example", username: nil, password: nil, caFile: nil, ehloName: "bad name\r\nRSET", timeout: .seconds(5))
        }
        #expect(throws: MailError.self) {
            try SMTPTransport(url: "smtp://m.example", username: "u", password: nil, caFile: nil, ehloName: "h.example", timeout: .seconds(5))
        }
        #expect(throws: MailError.self) {
            try SMTPTransport(url: "smtp://m.example", username: nil, password: "p", caFile: nil, ehloName: "h.example", timeout: .seconds(5))
        }
    }
}
