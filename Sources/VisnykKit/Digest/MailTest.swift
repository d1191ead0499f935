import Foundation

/// The message of `visnyk mail-test`: small, but with what digests carry (a Cyrillic subject,
/// both parts), so that a success means digests will arrive too.
public enum MailTest {
    /// `from` nil: the first digest's sender, else visnyk@<host name>.
    public static func message(to recipient: String, from: String?, config: VisnykConfig,
                               transportSummary: String, now: Date = Date()) throws -> ComposedMail {
        let host = MessageIdentity.hostName()
        let sender = from ?? config.digests.first?.from ?? "Visnyk <visnyk@\(host)>"
        let text = """
            This is a test message from `visnyk mail-test` on \(host), sent through \(transportSummary).
            Це тестовий лист від Visnyk: якщо ви читаєте цей текст, кирилиця доходить правильно.
            Config: \(config.path)
            """
        let html = """
            <!doctype html><html><head><meta charset="utf-8"><title>Visnyk mail test</title></head>
            <body style="font-family: system-ui, sans-serif"><p>This is a test message from
            <code>visnyk mail-test</code> on \(HTMLEscaping.escapeText(host)), sent through \(HTMLEscaping.escapeText(transportSummary)).</p>
            <p>Це тестовий лист від Visnyk: якщо ви читаєте цей текст, кирилиця доходить правильно.</p>
            </body></html>
            """
        let message = MailMessage(
            from: try MailAddress(parsing: sender), to: [try MailAddress(parsing: recipient)],
            subject: "Visnyk: перевірка пошти (mail test)", date: now,
            messageID: MailMessage.makeMessageID(date: now, domain: host),
            listID: nil, text: text, html: html)
        return MIMEComposer.compose(message)
    }
}
