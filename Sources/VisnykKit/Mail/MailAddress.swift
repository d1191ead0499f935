import Foundation

/// One mailbox: an optional display name and an ASCII addr-spec.
public struct MailAddress: Sendable, Equatable {
    public var displayName: String?
    /// `local@domain`: printable ASCII, no spaces, controls or special characters.
    public var address: String

    /// Makes an address from its parts; the display name is cleaned of controls and line
    /// breaks, the addr-spec is checked.
    public init(displayName: String?, address: String) throws(MailError) {
        let cleaned = displayName.map(MailHeader.clean)
        self.displayName = cleaned?.isEmpty == false ? cleaned : nil
        self.address = try Self.checkedAddrSpec(address, original: address)
    }

    /// Reads `a@b`, `<a@b>`, `Name <a@b>` or `"Name, Other" <a@b>`.
    public init(parsing text: String) throws(MailError) {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw MailError(.address, "The mail address \"\(MailHeader.clean(text))\" holds a line break or control character; write it on one line.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            try self.init(displayName: nil, address: trimmed)
            return
        }
        let spec = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let phrase = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let name = try Self.unquoted(phrase, original: text)
        _ = try Self.checkedAddrSpec(spec, original: text)
        try self.init(displayName: name, address: spec)
    }

    /// The value for From:/To:, e.g. `"Visnyk" <v@example.org>` or `=?UTF-8?B?…?= <v@example.org>`
    /// (on one line; ``MIMEComposer`` folds it).
    public var headerValue: String {
        MailHeader.addressTokens(self).joined(separator: " ")
    }

    /// A `"…"` display name loses its quotes and backslash escapes; an unquoted one stays as it is.
    private static func unquoted(_ phrase: String, original: String) throws(MailError) -> String {
        guard phrase.hasPrefix("\"") else {
            if phrase.contains("\"") {
                throw MailError(.address, "The display name in \"\(original)\" has a stray quote; put the whole name in double quotes.")
            }
            return phrase
        }
        var name = ""
        var escaped = false
        var closed = false
        for character in phrase.dropFirst() {
            if closed {
                throw MailError(.address, "The display name in \"\(original)\" has text after its closing quote.")
            }
            if escaped {
                name.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                closed = true
            } else {
                name.append(character)
            }
        }
        guard closed else {
            throw MailError(.address, "The display name in \"\(original)\" has no closing quote.")
        }
        return name
    }

    /// RFC 5321 limits: local part ≤ 64, whole ≤ 254 octets. Quoted local parts and address
    /// literals are not accepted; nobody sends digests to them.
    private static func checkedAddrSpec(_ spec: String, original: String) throws(MailError) -> String {
        func fail(_ why: String) -> MailError {
            MailError(.address, "The mail address \"\(MailHeader.clean(original))\" \(why).")
        }
        guard !spec.isEmpty else { throw fail("is empty; write it as name@example.org") }
        guard spec.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw fail("holds spaces or non-ASCII characters; write the ASCII form (punycode for the domain)")
        }
        guard let at = spec.lastIndex(of: "@") else { throw fail("has no \"@\"; write it as name@example.org") }
        let local = spec[..<at]
        let domain = spec[spec.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { throw fail("needs text on both sides of the \"@\"") }
        guard spec.utf8.count <= 254, local.utf8.count <= 64 else { throw fail("is too long (at most 64 characters before the \"@\", 254 in all)") }
        let specials = Set("()<>[]\\,;:\"@")
        guard !local.contains(where: specials.contains), !local.hasPrefix("-"), !local.hasPrefix("."),
              !local.hasSuffix("."), !local.contains("..") else {
            throw fail("has a character that is not allowed before the \"@\"")
        }
        let domainOK = domain.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
        guard domainOK, !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.hasPrefix("-"), !domain.contains("..") else {
            throw fail("has a domain that is not a host name")
        }
        return spec
    }
}
