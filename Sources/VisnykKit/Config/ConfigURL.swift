import Foundation

/// Checks of the http(s) URLs a configuration names. Foundation alone accepts too much
/// ("http://", spaces), so the parts are checked one by one.
enum ConfigURL {
    /// What is wrong with `text` as an http or https URL, in words; nil when nothing is.
    static func problem(with text: String) -> String? {
        isPlainHTTP(text) ? nil : parsedProblem(with: text)
    }

    /// `problem(with:)` by URLComponents, for any text.
    static func parsedProblem(with text: String) -> String? {
        if text.isEmpty { return "the URL is empty: write it like \"https://example.org/feed.xml\"" }
        if text.contains(where: \.isWhitespace) {
            return "\"\(text)\" contains white space: write spaces in a URL as %20"
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return "\"\(text)\" is not a URL: write it like \"https://example.org/feed.xml\""
        }
        guard scheme == "http" || scheme == "https" else {
            return "\"\(text)\" is not an http or https URL: Visnyk fetches only http and https (use file = \"…\" for a local file)"
        }
        guard let host = components.host, !host.isEmpty, text.dropFirst(scheme.count).hasPrefix("://") else {
            return "\"\(text)\" has no host name: write it like \"https://example.org/feed.xml\""
        }
        if let port = components.port, !(1...65_535).contains(port) {
            return "\"\(text)\" has port \(port), which does not exist: ports go from 1 to 65535"
        }
        return nil
    }

    /// True for the common shape that needs no URLComponents to be known good:
    /// `http(s)://host[:port][/…]` with a host of letters, digits, dots and hyphens (starting
    /// and ending with a letter or digit), a port from 1 to 65535, and after it only characters
    /// RFC 3986 allows unescaped (quote excluded), valid %XX escapes and at most one `#`.
    /// Anything else goes through the full check, so this only saves time, never decides.
    static func isPlainHTTP(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        for expected in "http".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        var byte = bytes.next()
        if byte.map({ $0 | 0x20 }) == UInt8(ascii: "s") { byte = bytes.next() }
        guard byte == UInt8(ascii: ":"), bytes.next() == UInt8(ascii: "/"), bytes.next() == UInt8(ascii: "/") else {
            return false
        }
        var hostLength = 0
        var lastHostByte: UInt8 = 0
        byte = bytes.next()
        while let current = byte, isAlphanumeric(current) || current == UInt8(ascii: ".") || current == UInt8(ascii: "-") {
            if hostLength == 0, !isAlphanumeric(current) { return false }
            hostLength += 1
            lastHostByte = current
            byte = bytes.next()
        }
        guard hostLength > 0, isAlphanumeric(lastHostByte) else { return false }
        if byte == UInt8(ascii: ":") {
            var port = 0
            var digits = 0
            byte = bytes.next()
            while let current = byte, current &- UInt8(ascii: "0") < 10 {
                digits += 1
                guard digits <= 5 else { return false }
                port = port * 10 + Int(current &- UInt8(ascii: "0"))
                byte = bytes.next()
            }
            guard digits > 0, (1...65_535).contains(port) else { return false }
        }
        guard let first = byte else { return true }
        guard first == UInt8(ascii: "/") else { return false }
        var fragments = 0
        while let current = bytes.next() {
            if current == UInt8(ascii: "%") {
                guard let high = bytes.next(), let low = bytes.next(), isHexDigit(high), isHexDigit(low) else { return false }
            } else if current == UInt8(ascii: "#") {
                fragments += 1
                guard fragments == 1 else { return false }
            } else if !isAlphanumeric(current), !plainURLPunctuation.contains(current) {
                return false
            }
        }
        return true
    }

    private static let plainURLPunctuation = Set("-._~!$&()*+,;=:@/?".utf8)

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }
}
