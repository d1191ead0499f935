/// The checks the configuration makes on a mail address (`to`, `from`), so that a digest
/// never fails at send time, or injects a header, because of an address typed wrong.
enum ConfigMailAddress {
    static let example = "write reader@example.org or \"Name <reader@example.org>\""

    /// nil when `text` is `local@domain` or `Display Name <local@domain>`; else what is wrong.
    static func problem(with text: String) -> String? {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "an address contains a line break or control character: \(example)"
        }
        let trimmed = text.trimmingWhiteSpace()
        guard !trimmed.isEmpty else { return "an address is empty: \(example)" }
        var spec = trimmed
        if trimmed.hasSuffix(">") {
            guard let open = trimmed.lastIndex(of: "<") else {
                return "\"\(text)\" ends with \">\" but has no \"<\": \(example)"
            }
            spec = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        } else if trimmed.contains("<") || trimmed.contains(">") {
            return "\"\(text)\": an address in angle brackets comes last, like \"Name <reader@example.org>\""
        }
        return problem(withAddress: spec, in: text)
    }

    /// Checks the addr-spec: one "@", something on both sides, ASCII, no spaces or specials.
    private static func problem(withAddress spec: Substring, in text: String) -> String? {
        let ats = spec.count(where: { $0 == "@" })
        guard ats == 1 else {
            return ats == 0
                ? "\"\(text)\" has no \"@\": \(example)"
                : "\"\(text)\" has more than one \"@\" in its address: \(example)"
        }
        let parts = spec.split(separator: "@", omittingEmptySubsequences: false)
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, !domain.isEmpty else {
            return "\"\(text)\" needs a name before the \"@\" and a domain after it: \(example)"
        }
        guard spec.unicodeScalars.allSatisfy(\.isASCII) else {
            return "\"\(text)\": the address (the part with the \"@\") must be ASCII: write an international domain in its xn-- form"
        }
        let specials: Set<Character> = [" ", "\t", "<", ">", "(", ")", "[", "]", "\\", ",", ";", ":", "\""]
        guard !spec.contains(where: specials.contains) else {
            return "\"\(text)\": the address contains a space or one of < > ( ) [ ] \\ , ; : \": \(example)"
        }
        guard !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else {
            return "\"\(text)\": a dot cannot start or end the name or the domain, nor follow another dot: \(example)"
        }
        return nil
    }
}
