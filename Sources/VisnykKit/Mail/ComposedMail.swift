/// A message ready for a transport: the envelope and the RFC 5322 bytes (CRLF line ends).
public struct ComposedMail: Sendable, Equatable {
    /// The envelope sender (MAIL FROM, sendmail -f), an addr-spec.
    public var envelopeFrom: String
    /// The envelope recipients (RCPT TO), addr-specs.
    public var recipients: [String]
    /// As written in the Message-ID header, without the angle brackets.
    public var messageID: String
    public var bytes: [UInt8]

    public init(envelopeFrom: String, recipients: [String], messageID: String, bytes: [UInt8]) {
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.messageID = messageID
        self.bytes = bytes
    }
}
