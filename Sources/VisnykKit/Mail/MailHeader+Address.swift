import Foundation

extension MailHeader {
    /// The pieces of one mailbox that must stay whole when a header is folded: the display name
    /// (quoted, or as encoded words) and `<address>`; a bare address when there is no name.
    static func addressTokens(_ mailbox: MailAddress) -> [String] {
        guard let name = mailbox.displayName.map(clean), !name.isEmpty else { return [mailbox.address] }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        if isPrintableASCII(name), !name.contains("=?"), quoted.utf8.count <= encodedLineLimit - 1 {
            return [quoted, "<\(mailbox.address)>"]
        }
        return encodedWords(name, firstLineUsed: 1) + ["<\(mailbox.address)>"]
    }

    /// `Name: a, "B" <b@x>` and CRLF, folded between tokens so that lines stay within 76
    /// characters where the tokens allow it.
    static func addressList(_ name: String, _ mailboxes: [MailAddress]) -> String {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var parts = addressTokens(mailbox)
            if index < mailboxes.count - 1 { parts[parts.count - 1] += "," }
            tokens += parts
        }
        return folded(name, tokens)
    }

    /// `Name:` and the tokens separated by spaces, a fold (CRLF SP) before any token that would
    /// take its line past 76 characters.
    static func folded(_ name: String, _ tokens: [String]) -> String {
        var out = "\(name):"
        var lineLength = out.utf8.count
        for (index, token) in tokens.enumerated() {
            if index > 0, lineLength + 1 + token.utf8.count > encodedLineLimit {
                out += "\r\n"
                lineLength = 0
            }
            out += " " + token
            lineLength += 1 + token.utf8.count
        }
        return out + "\r\n"
    }

    /// An identifier for `<…>` headers (Message-ID, List-Id): printable ASCII without spaces
    /// or angle brackets, at most 250 characters; nil when nothing usable is left.
    static func identifier(_ value: String) -> String? {
        let kept = value.utf8.filter { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        return kept.isEmpty ? nil : String(decoding: kept.prefix(250), as: UTF8.self)
    }

    static func isPrintableASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
