import Crypto
import Foundation

extension SpoolDocument {
    /// An RFC 5322 message: headers (From the feed, Subject the title, Date the publication),
    /// and the article as a base64 text/html UTF-8 body, CRLF line ends throughout. An update
    /// refers to the message of the version it replaces, so mail clients thread the two.
    func emlBytes(domain: String) -> [UInt8] {
        var head = ""
        head += MailHeader.mailbox("From", displayName: feed.title ?? source, address: "visnyk@\(domain)")
        head += MailHeader.unstructured("Subject", entry.title ?? "(no title)")
        head += "Date: \(MailHeader.date(entry.published ?? entry.updated ?? fetchedAt))\r\n"
        head += "Message-ID: \(messageID(entry.contentHash, domain: domain))\r\n"
        if let updates {
            let original = messageID(updates, domain: domain)
            head += "In-Reply-To: \(original)\r\nReferences: \(original)\r\n"
        }
        head += "MIME-Version: 1.0\r\n"
        head += "Content-Type: text/html; charset=UTF-8\r\n"
        head += "Content-Transfer-Encoding: base64\r\n"
        head += MailHeader.unstructured("X-Visnyk-Source", source)
        if let link = entry.link { head += MailHeader.unstructured("X-Visnyk-Link", link, rawLimit: 998) }
        head += "X-Visnyk-Hash: \(MailHeader.clean(entry.contentHash))\r\n"
        if let updates { head += "X-Visnyk-Updates: \(MailHeader.clean(updates))\r\n" }
        if let sameStoryAs { head += "X-Visnyk-Same-Story-As: \(MailHeader.clean(sameStoryAs))\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        let body = Array(Data(htmlBody.utf8).base64EncodedString().utf8)
        bytes.reserveCapacity(bytes.count + body.count + body.count / 38 + 2)
        var start = 0
        while start < body.count {
            let end = min(start + 76, body.count)
            bytes.append(contentsOf: body[start..<end])
            bytes.append(contentsOf: [0x0D, 0x0A])
            start = end
        }
        return bytes
    }

    /// `<64 hex[.scope tag]@domain>`: the same article gives the same id; with dedup = "feed",
    /// a tag of the source name keeps the copies from two sources apart.
    func messageID(_ contentHash: String, domain: String) -> String {
        let hex = contentHash.hasPrefix("sha256:") ? String(contentHash.dropFirst(7)) : contentHash
        let left = hex.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) } ? hex : "invalid"
        guard !scope.isEmpty else { return "<\(left)@\(domain)>" }
        let tag = SHA256.hash(data: Data(scope.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return "<\(left).\(tag)@\(domain)>"
    }

    /// The article as a small HTML document: linked title, then the sanitized content (else
    /// the summary, else the plain text).
    var htmlBody: String {
        let title = HTMLEscaping.escapeText(entry.title ?? "")
        var html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(title)</title></head><body>\n"
        if let link = entry.link {
            html += "<h1><a href=\"\(HTMLEscaping.escapeAttribute(link))\">\(title)</a></h1>\n"
        } else if !title.isEmpty {
            html += "<h1>\(title)</h1>\n"
        }
        if let content = entry.content ?? entry.summary {
            html += content
        } else {
            let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
            html += "<p>" + lines.map { HTMLEscaping.escapeText(String($0)) }.joined(separator: "<br>\n") + "</p>"
        }
        html += "\n</body></html>\n"
        return html
    }
}
