/// The host a URL's request goes to, for per-host concurrency limits: the authority without
/// userinfo or port, lowercased (`http://U@Example.org:8080/x` → `example.org`). Different ports
/// of one host share its limit, since politeness is about the machine.
enum HostKey {
    static func of(_ url: String) -> String {
        let components = URIComponents(URLResolver.cleaned(url))
        guard var authority = components.authority?[...] else { return "" }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        if authority.first == UInt8(ascii: "[") {
            // An IPv6 literal: the port, if any, comes after the closing bracket.
            if let close = authority.firstIndex(of: UInt8(ascii: "]")) { authority = authority[...close] }
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            authority = authority[..<colon]
        }
        return String(decoding: authority.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
