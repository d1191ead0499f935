import Foundation
import Testing
@testable import VisnykKit

@Suite struct MailAddressTests {
    @Test(arguments: [
        ("reader@example.org", nil, "reader@example.org"),
        ("  <reader@example.org> ", nil, "reader@example.org"),
        ("Reader <reader@example.org>", "Reader", "reader@example.org"),
        ("\"Doe, Jane\" <jane@example.org>", "Doe, Jane", "jane@example.org"),
        ("\"Say \\\"hi\\\"\" <a.b+tag@mail.example.org>", "Say \"hi\"", "a.b+tag@mail.example.org"),
        ("Вісник <visnyk@example.org>", "Вісник", "visnyk@example.org"),
    ] as [(String, String?, String)])
    func parses(_ text: String, _ name: String?, _ address: String) throws {
        let parsed = try MailAddress(parsing: text)
        #expect(parsed.displayName == name)
        #expect(parsed.address == address)
    }

    @Test(arguments: [
        "", "reader", "reader@", "@example.org", "reader@example.org\r\nBcc: evil@example.org",
        "Reader <reader@example.org", "\"Unclosed <a@example.org>", "чит@example.org",
        "a b@example.org", "-oQ/tmp@example.org", "a@exa_mple.org", "a@example..org",
        "a@" + String(repeating: "x", count: 260) + ".org",
    ])
    func refuses(_ text: String) {
        #expect(throws: MailError.self) { try MailAddress(parsing: text) }
    }

    @Test func errorsSayWhatIsWrongAndArePermanent() {
        #expect {
            try MailAddress(parsing: "reader.example.org")
        } throws: { error in
            let error = error as! MailError
            return error.isPermanent && error.kind == .address && error.description.contains("\"@\"")
                && error.description.contains("reader.example.org")
        }
    }

    @Test func headerValueQuotesOrEncodesTheDisplayName() throws {
        #expect(try MailAddress(parsing: "a@example.org").headerValue == "a@example.org")
        #expect(try MailAddress(parsing: "Doe, Jane <j@example.org>").headerValue == "\"Doe, Jane\" <j@example.org>")
        #expect(try MailAddress(parsing: "\"A \\\\ B\" <j@example.org>").headerValue == "\"A \\\\ B\" <j@example.org>")
        let encoded = try MailAddress(parsing: "Вісник <v@example.org>").headerValue
        #expect(encoded == "=?UTF-8?B?0JLRltGB0L3QuNC6?= <v@example.org>")
    }
}

@Suite struct MessageIDTests {
    @Test func timeRandomPartAndDomain() {
        let date = Date(timeIntervalSince1970: 1_770_015_605)  // 2026-02-02 07:00:05 UTC
        let id = MailMessage.makeMessageID(date: date, domain: "host.example")
        #expect(id.hasPrefix("20260202T070005Z."))
        #expect(id.hasSuffix("@host.example"))
        #expect(id.count == "20260202T070005Z.4f3a9c1e@host.example".count)
        #expect(id != MailMessage.makeMessageID(date: date, domain: "host.example"))
        #expect(MailMessage.makeMessageID(date: date, domain: "bad host\r\n").hasSuffix("@localhost"))
    }
}
