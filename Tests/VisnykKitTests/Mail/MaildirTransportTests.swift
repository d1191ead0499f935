import Foundation
import Testing
@testable import VisnykKit

@Suite struct MaildirTransportTests {
    @Test func writesEachMessageIntoNewAndLeavesTmpEmpty() async throws {
        let directory = try TemporaryDirectory("visnyk-maildir")
        defer { directory.remove() }
        let maildir = directory.appending("Mail/digests")
        let transport = MaildirTransport(directory: maildir)
        #expect(transport.summary == "maildir \(maildir)")
        let first = MIMEComposer.compose(try MailSamples.message())
        let second = MIMEComposer.compose(try MailSamples.message(subject: MailSamples.longSubject))
        try await transport.send(first)
        try await transport.send(second)
        let files = try FileManager.default.contentsOfDirectory(atPath: maildir + "/new")
        #expect(files.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/tmp").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/cur").isEmpty)
        #expect(files.allSatisfy { !$0.contains("/") && !$0.contains(":") })
        let contents = try files.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: maildir + "/new/" + $0))) }
        #expect(Set(contents) == Set([first.bytes, second.bytes]))
        let subjects = try files.map { try CheckedMail(path: maildir + "/new/" + $0).subject }
        #expect(Set(subjects) == [MailSamples.subject, MailSamples.longSubject])
    }

    @Test func anUnwritableDirectoryIsAnErrorThatNamesIt() async throws {
        let directory = try TemporaryDirectory("visnyk-maildir")
        defer { directory.remove() }
        let blocker = directory.appending("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let transport = MaildirTransport(directory: blocker + "/inside")
        let mail = MIMEComposer.compose(try MailSamples.message())
        await #expect {
            try await transport.send(mail)
        } throws: { error in
            let error = error as! MailError
            return error.kind == .delivery && error.description.contains(blocker) && error.isPermanent
        }
    }
}
