import Foundation

/// The host part of spool file names and of the messages' addresses.
enum SpoolHost {
    /// gethostname(), or "localhost" when it fails or is empty.
    static func current() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    /// The host as a Maildir file name part: "/" and ":" written as \057 and \072 (":" starts
    /// the info part of a Maildir name), and nothing else a file name cannot hold.
    static func fileNamePart(_ host: String) -> String {
        var out = ""
        for scalar in host.unicodeScalars {
            switch scalar {
            case "/": out += "\\057"
            case ":": out += "\\072"
            case "\u{0}"..."\u{1F}", "\u{7F}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? "localhost" : out
    }

    /// The host as the domain of a mail address or Message-ID: letters, digits, dots and
    /// hyphens, else "localhost".
    static func domain(_ host: String) -> String {
        let allowed = host.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        return allowed && !host.isEmpty && !host.hasPrefix(".") && !host.hasSuffix(".") ? host : "localhost"
    }
}
