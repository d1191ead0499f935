import Foundation

extension MailMessage {
    /// A new Message-ID (without <>): `<UTC time>.<8 random hex>@<domain>`, e.g.
    /// "20260202T070005Z.4f3a9c1e@host.example". A domain that is not a host name becomes
    /// "localhost".
    public static func makeMessageID(date: Date, domain: String) -> String {
        var seconds = time_t(max(0, min(date.timeIntervalSince1970, 253_402_300_799)).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let stamp = String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                           parts.tm_hour, parts.tm_min, parts.tm_sec)
        return "\(stamp).\(MIMEComposer.randomHex(bytes: 4))@\(SpoolHost.domain(domain))"
    }
}
