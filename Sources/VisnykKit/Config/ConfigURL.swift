import Foundation

/// Checks of the http(s) URLs a configuration names. Foundation alone accepts too much
/// ("http://", spaces), so the parts are checked one by one.
enum ConfigURL {
    /// What is wrong with `text` as an http or https URL, in words; nil when nothing is.
    static func problem(with text: String) -> String? {
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
}
