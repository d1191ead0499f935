import Foundation
import Testing
@testable import VisnykKit

/// `sendmail -t -oi -f` through msmtp (Debian's msmtp, as msmtp-mta installs it) relaying to
/// aiosmtpd on 127.0.0.1.
@Suite struct SendmailTransportTests {
    /// A sendmail program: a script that runs msmtp with a config pointing at `port`.
    func msmtpWrapper(in directory: TemporaryDirectory, port: Int) throws -> String {
        let config = directory.appending("msmtprc")
        try "account default\nhost 127.0.0.1\nport \(port)\nauth off\ntls off\nlogfile \(directory.appending("msmtp.log"))\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        return try script(in: directory, "exec /usr/bin/msmtp -C '\(config)' \"$@\"")
    }

    func script(in directory: TemporaryDirectory, _ body: String) throws -> String {
        let path = directory.appending("sendmail-\(UUID().uuidString.prefix(8))")
        try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    @Test func relaysThroughMsmtpWithTheEnvelopeAndBodyIntact() async throws {
        let server = try TestSMTPServer(.plain)
        defer { server.stop() }
        let directory = try TemporaryDirectory("visnyk-sendmail")
        defer { directory.remove() }
        let transport = SendmailTransport(path: try msmtpWrapper(in: directory, port: server.port))
        #expect(transport.summary.hasPrefix("sendmail /"))
        let message = try MailSamples.message(to: ["Reader <reader@example.org>", "second@example.org"])
        try await transport.send(MIMEComposer.compose(message))
        let delivered = try server.delivered()
        try #require(delivered.count == 1)
        #expect(delivered[0].session.mail_from == "visnyk@example.org")
        #expect(Set(delivered[0].session.rcpt_tos) == ["reader@example.org", "second@example.org"])
        let mail = try CheckedMail(path: delivered[0].path)
        #expect(mail.defects.isEmpty)
        #expect(mail.subject == MailSamples.subject)
        #expect(mail.content("text/plain") == MailSamples.trickyText)
        #expect(mail.content("text/html") == message.html)
        #expect(mail.headers["bcc"] == nil)
    }

    @Test func aLoneDotLineDoesNotEndTheInput() async throws {
        // Raw "." lines (no QP protection): -oi must keep them as text.
        let server = try TestSMTPServer(.plain)
        defer { server.stop() }
        let directory = try TemporaryDirectory("visnyk-sendmail")
        defer { directory.remove() }
        var mail = MIMEComposer.compose(try MailSamples.message())
        mail.bytes = Array("From: a@example.org\r\nTo: reader@example.org\r\nSubject: dots\r\n\r\nbefore\r\n.\r\n.leading\r\nafter\r\n".utf8)
        try await SendmailTransport(path: try msmtpWrapper(in: directory, port: server.port)).send(mail)
        let delivered = try server.delivered()
        try #require(delivered.count == 1)
        let text = String(decoding: delivered[0].bytes, as: UTF8.self)
        #expect(text.contains("before\r\n.\r\n.leading\r\nafter"))
    }

    @Test func aFailingProgramReportsItsStatusAndStderr() async throws {
        let directory = try TemporaryDirectory("visnyk-sendmail")
        defer { directory.remove() }
        let temporary = try script(in: directory, "cat >/dev/null; echo 'msmtp: cannot connect to smtp.example.org' >&2; exit 75")
        let permanent = try script(in: directory, "cat >/dev/null; echo 'recipient rejected' >&2; exit 67")
        let mail = MIMEComposer.compose(try MailSamples.message())
        await #expect {
            try await SendmailTransport(path: temporary).send(mail)
        } throws: { error in
            let error = error as! MailError
            return !error.isPermanent && error.description.contains("exit status 75")
                && error.description.contains("cannot connect to smtp.example.org")
        }
        await #expect {
            try await SendmailTransport(path: permanent).send(mail)
        } throws: { error in
            let error = error as! MailError
            return error.isPermanent && error.description.contains("recipient rejected")
        }
    }

    @Test func theArgumentsAreTOiAndF() async throws {
        let directory = try TemporaryDirectory("visnyk-sendmail")
        defer { directory.remove() }
        let record = directory.appending("args")
        let program = try script(in: directory, "printf '%s\\n' \"$@\" > '\(record)'; cat > '\(record).msg'")
        let mail = MIMEComposer.compose(try MailSamples.message())
        try await SendmailTransport(path: program).send(mail)
        #expect(try String(contentsOfFile: record, encoding: .utf8) == "-t\n-oi\n-f\nvisnyk@example.org\n")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: record + ".msg"))) == mail.bytes)
    }

    @Test func cancellingTheTaskStopsTheProgram() async throws {
        let directory = try TemporaryDirectory("visnyk-sendmail")
        defer { directory.remove() }
        let program = try script(in: directory, "cat >/dev/null; exec sleep 300")
        try await MailSamples.expectCancelledSend(through: SendmailTransport(path: program))
    }

    @Test func aMissingProgramIsAConfigurationError() async throws {
        let mail = MIMEComposer.compose(try MailSamples.message())
        await #expect {
            try await SendmailTransport(path: "/nonexistent/sendmail").send(mail)
        } throws: { error in
            let error = error as! MailError
            return error.kind == .configuration && error.isPermanent && error.description.contains("/nonexistent/sendmail")
        }
    }
}
