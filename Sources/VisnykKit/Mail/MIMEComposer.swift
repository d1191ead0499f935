import Foundation

/// Turns a ``MailMessage`` into the bytes of a multipart/alternative UTF-8 message: text/plain
/// first, text/html last (the preferred alternative), each part quoted-printable or base64,
/// whichever is smaller; every line within 76 characters except where one address is longer.
/// Header values never carry CR, LF or other controls, so nothing in a feed can add a header.
public enum MIMEComposer {
    public static func compose(_ message: MailMessage) -> ComposedMail {
        compose(message, boundary: "=_visnyk_" + randomHex(bytes: 12))
    }

    /// `boundary` must start with "=_" (it then cannot occur in QP or base64 text).
    static func compose(_ message: MailMessage, boundary: String) -> ComposedMail {
        let messageID = MailHeader.identifier(message.messageID)
            ?? "\(Int(message.date.timeIntervalSince1970)).\(randomHex(bytes: 8))@\(domain(of: message.from.address))"
        var head = ""
        head += "Date: \(MailHeader.date(message.date))\r\n"
        head += MailHeader.folded("From", MailHeader.addressTokens(message.from))
        if !message.to.isEmpty { head += MailHeader.addressList("To", message.to) }
        head += MailHeader.unstructured("Subject", message.subject)
        head += "Message-ID: <\(messageID)>\r\n"
        if let listID = message.listID.flatMap(MailHeader.identifier) {
            head += "List-Id: <\(listID)>\r\n"
        }
        head += "Auto-Submitted: auto-generated\r\n"
        head += "MIME-Version: 1.0\r\n"
        head += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
        head += "\r\n"
        head += "This is a message in MIME format: a plain-text and an HTML version.\r\n"
        var bytes = Array(head.utf8)
        for (subtype, body) in [("plain", message.text), ("html", message.html)] {
            bytes += Array("\r\n--\(boundary)\r\n".utf8)
            bytes += MIMEBody.part(subtype: subtype, text: body)
        }
        bytes += Array("\r\n--\(boundary)--\r\n".utf8)
        return ComposedMail(envelopeFrom: message.from.address, recipients: message.to.map(\.address),
                            messageID: messageID, bytes: bytes)
    }

    private static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
