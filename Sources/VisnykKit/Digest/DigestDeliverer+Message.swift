import Foundation

extension DigestDeliverer {
    /// The message around a rendered digest: addresses from the config, a fresh Message-ID,
    /// and a List-Id naming the digest so that mail filters can sort it.
    func mailMessage(for digest: DigestConfig, rendered: RenderedDigest, now: Date) throws -> MailMessage {
        let from = try MailAddress(parsing: digest.from)
        let to = try digest.to.map { try MailAddress(parsing: $0) }
        return MailMessage(
            from: from, to: to, subject: rendered.subject, date: now,
            messageID: MailMessage.makeMessageID(date: now, domain: hostName),
            listID: MessageIdentity.listID(digest: digest.name, hostName: hostName),
            text: rendered.text, html: rendered.html)
    }
}
