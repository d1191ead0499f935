import Foundation
import Testing
@testable import VisnykKit

/// Messages the mail tests compose and send.
enum MailSamples {
    static let subject = "Дайджест лент: 12 новых записей за 2 февраля"
    static let longSubject = "Дайджест «Ранкові новини Львова»: 42 нові статті з 7 джерел — Leopolis.news, Твоє Місто, Zaxid.net, ЛМР та інші за понеділок, 2 лютого 2026 року 🌅"
    /// A lone "." line, a line starting with ".", a "From " line, trailing blanks, a long line.
    static let trickyText = """
        Hello,
        .
        .leading dot line
        From the editors: a line mbox would mangle.
        trailing blanks here   \n\
        \(String(repeating: "A long line of ASCII words that needs soft breaks. ", count: 6))
        Українською теж: «Зелене місто» — 2027–2030.
        .
        """

    static func message(subject: String = MailSamples.subject, text: String = MailSamples.trickyText,
                        html: String = "<p>Привіт, <b>світ</b>!</p>\n<p>.</p>\n",
                        to: [String] = ["Reader <reader@example.org>"]) throws -> MailMessage {
        MailMessage(
            from: try MailAddress(parsing: "Visnyk Digest <visnyk@example.org>"),
            to: try to.map { text throws(MailError) in try MailAddress(parsing: text) },
            subject: subject,
            date: Date(timeIntervalSince1970: 1_770_015_605),  // 2026-02-02 07:00:05 UTC
            messageID: "20260202T070005Z.4f3a9c1e@host.example",
            listID: "morning.visnyk.host.example",
            text: text,
            html: html)
    }

    /// Sends a sample through `transport` in a task cancelled at once: the send must end with
    /// MailError kind .cancelled (transient), not wait for its timeout.
    static func expectCancelledSend(through transport: some MailTransport) async throws {
        let mail = MIMEComposer.compose(try message())
        let task = Task { try await transport.send(mail) }
        task.cancel()
        guard case .failure(let failure) = await task.result else {
            Issue.record("the cancelled send succeeded")
            return
        }
        let error = try #require(failure as? MailError)
        #expect(error.kind == .cancelled && !error.isPermanent)
    }
}
