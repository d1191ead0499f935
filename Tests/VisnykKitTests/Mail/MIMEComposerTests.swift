import Foundation
import Testing
@testable import VisnykKit

@Suite struct MIMEComposerTests {
    func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    @Test func multipartAlternativeThatPythonReadsBack() throws {
        let message = try MailSamples.message()
        let composed = MIMEComposer.compose(message)
        #expect(composed.envelopeFrom == "visnyk@example.org")
        #expect(composed.recipients == ["reader@example.org"])
        #expect(composed.messageID == "20260202T070005Z.4f3a9c1e@host.example")
        let mail = try CheckedMail(bytes: composed.bytes)
        #expect(mail.defects.isEmpty)
        #expect(mail.content_type == "multipart/alternative")
        #expect(mail.boundary?.hasPrefix("=_visnyk_") == true)
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(mail.parts.allSatisfy { $0.charset?.lowercased() == "utf-8" })
        #expect(mail.subject == MailSamples.subject)
        #expect(mail.content("text/plain") == MailSamples.trickyText)
        #expect(mail.content("text/html") == message.html)
        #expect(mail.from == [["Visnyk Digest", "visnyk@example.org"]])
        #expect(mail.to == [["Reader", "reader@example.org"]])
        #expect(mail.headers["date"] == ["Mon, 02 Feb 2026 07:00:05 +0000"])
        #expect(mail.headers["message-id"] == ["<20260202T070005Z.4f3a9c1e@host.example>"])
        #expect(mail.headers["list-id"] == ["<morning.visnyk.host.example>"])
        #expect(mail.headers["auto-submitted"] == ["auto-generated"])
        #expect(mail.headers["mime-version"] == ["1.0"])
        #expect(mail.ascii_only)
        #expect(mail.bare_line_ends == 0)
        #expect(mail.max_line <= 76)
    }

    @Test func theSubjectTestVectorBecomesWholeCharacterWords() throws {
        let composed = MIMEComposer.compose(try MailSamples.message())
        let head = lines(composed.bytes).prefix { !$0.isEmpty }
        let subject = head.drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        #expect(subject.count == 2)
        #expect(subject.allSatisfy { $0.utf8.count <= 76 })
        var decoded: [UInt8] = []
        for word in subject.joined().split(separator: " ").filter({ $0.hasPrefix("=?") }) {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.utf8.count <= 75)
            let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            // Each word alone is valid UTF-8: no character split across two words.
            #expect(String(validating: [UInt8](data), as: UTF8.self) != nil)
            decoded += data
        }
        #expect(String(decoding: decoded, as: UTF8.self) == MailSamples.subject)
    }

    @Test func aLongSubjectTakesSeveralEncodedWords() throws {
        let composed = MIMEComposer.compose(try MailSamples.message(subject: MailSamples.longSubject))
        let mail = try CheckedMail(bytes: composed.bytes)
        #expect(mail.subject == MailSamples.longSubject)
        #expect(mail.max_header_line <= 76)
        let raw = String(decoding: composed.bytes, as: UTF8.self)
        #expect(raw.components(separatedBy: "=?UTF-8?B?").count - 1 >= 4)
    }

    @Test func headerInjectionIsNeutralised() throws {
        let hostile = "Breaking\r\nBcc: victim@example.org\r\n\r\nbody\nX-Evil: 1\u{2028}Cc: x@example.org\u{85}"
        var message = try MailSamples.message(subject: hostile)
        message.messageID = "id@host\r\nBcc: victim@example.org"
        message.listID = "list\nBcc: victim@example.org"
        let composed = MIMEComposer.compose(message)
        let mail = try CheckedMail(bytes: composed.bytes)
        #expect(mail.headers["bcc"] == nil)
        #expect(mail.headers["cc"] == nil)
        #expect(mail.headers["x-evil"] == nil)
        #expect(mail.defects.isEmpty)
        #expect(mail.subject == "Breaking Bcc: victim@example.org body X-Evil: 1 Cc: x@example.org")
        #expect(mail.headers["message-id"]?.count == 1)
        #expect(mail.headers["message-id"]?.first?.contains("\n") == false)
        #expect(composed.recipients == ["reader@example.org"])
    }

    @Test func everyRecipientAppearsAndLongListsAreFolded() throws {
        let many = (1...12).map { "Читач номер \($0) <reader\($0)@example.org>" }
        let mail = try CheckedMail(bytes: MIMEComposer.compose(try MailSamples.message(to: many)).bytes)
        #expect(mail.to.map { $0[1] } == (1...12).map { "reader\($0)@example.org" })
        #expect(mail.to.map { $0[0] } == (1...12).map { "Читач номер \($0)" })
        #expect(mail.max_header_line <= 76)
    }

    @Test func quotedPrintableLinesStayWithin76AndDecodeBack() throws {
        let text = (0..<40).map { i in String(repeating: i % 3 == 0 ? "=" : (i % 3 == 1 ? "x " : "é"), count: i * 7) + (i % 5 == 0 ? "\t " : "") }
            .joined(separator: "\n")
        let encoded = MIMEBody.quotedPrintable(MIMEBody.crlf(text))
        let encodedLines = lines(encoded)
        #expect(encodedLines.allSatisfy { $0.utf8.count <= 76 })
        #expect(encodedLines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") && !$0.hasPrefix(".") })
        let mail = try CheckedMail(bytes: MIMEComposer.compose(try MailSamples.message(text: text)).bytes)
        #expect(mail.content("text/plain") == text)
        #expect(mail.max_body_line <= 76)
    }

    @Test func cyrillicBodiesGoBase64InLinesOf76() throws {
        let text = String(repeating: "Львівська міська рада ухвалила програму «Зелене місто».\n", count: 30)
        let part = String(decoding: MIMEBody.part(subtype: "plain", text: text), as: UTF8.self)
        #expect(part.contains("Content-Transfer-Encoding: base64"))
        let body = part.components(separatedBy: "\r\n\r\n")[1].components(separatedBy: "\r\n")
        #expect(body.dropLast().allSatisfy { $0.utf8.count == 76 })
        #expect(body.last!.utf8.count <= 76)
        let mail = try CheckedMail(bytes: MIMEComposer.compose(try MailSamples.message(text: text)).bytes)
        #expect(mail.parts.first?.encoding == "base64")
        #expect(mail.content("text/plain") == text)
    }

    @Test func lineEndsBecomeCRLF() {
        #expect(MIMEBody.crlf("a\nb\rc\r\nd\n\re") == Array("a\r\nb\r\nc\r\nd\r\n\r\ne".utf8))
    }

    @Test func boundariesDiffer() throws {
        let message = try MailSamples.message()
        let first = try CheckedMail(bytes: MIMEComposer.compose(message).bytes).boundary
        let second = try CheckedMail(bytes: MIMEComposer.compose(message).bytes).boundary
        #expect(first != nil && first != second)
    }
}
