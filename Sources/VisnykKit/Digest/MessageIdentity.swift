import Foundation

/// List-Ids and the host name for the messages Visnyk sends (Message-IDs: MailMessage.makeMessageID).
enum MessageIdentity {
    /// `<label>.visnyk.<host>`: the digest's name reduced to what a List-Id label may hold
    /// (RFC 2919: dot-atom text); a name with no such character becomes "digest".
    static func listID(digest: String, hostName: String) -> String {
        var label = ""
        var lastWasDash = true
        for scalar in digest.lowercased().unicodeScalars {
            if scalar.isASCII && CharacterSet.alphanumerics.contains(scalar) {
                label.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                label += "-"
                lastWasDash = true
            }
        }
        while label.hasSuffix("-") { label.removeLast() }
        return "\(label.isEmpty ? "digest" : label).visnyk.\(hostName)"
    }

    /// The machine's host name as it may stand in an address or a Message-ID.
    static func hostName() -> String {
        SpoolHost.domain(SpoolHost.current())
    }
}
