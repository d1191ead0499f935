import Foundation

/// A digest message before it is encoded: who, what, and the two bodies.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var date: Date
    /// Without the angle brackets, e.g. "20260202T070005Z.4f3a9c1e@host".
    public var messageID: String
    /// e.g. "morning.visnyk.host.example", written as `List-Id: <…>`.
    public var listID: String?
    /// The plain-text part; LF, CR or CRLF line ends (all become CRLF).
    public var text: String
    /// The HTML part.
    public var html: String

    public init(from: MailAddress, to: [MailAddress], subject: String, date: Date, messageID: String,
                listID: String?, text: String, html: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.listID = listID
        self.text = text
        self.html = html
    }
}
