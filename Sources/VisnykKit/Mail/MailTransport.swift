/// A way for a composed message to leave the machine.
public protocol MailTransport: Sendable {
    /// One line for logs and `visnyk status`: "smtp://host:587 (STARTTLS)",
    /// "sendmail /usr/sbin/sendmail", "maildir /path".
    var summary: String { get }
    /// Returns once the message was accepted (by the server, by sendmail, or renamed into new/).
    /// The blocking part runs on a thread of its own, not on the cooperative pool.
    func send(_ mail: ComposedMail) async throws(MailError)
}
