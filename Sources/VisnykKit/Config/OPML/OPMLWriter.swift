import Foundation

/// Writes the configured sources as an OPML 2.0 subscription list (UTF-8), as
/// `visnyk sources export` prints it.
///
/// Feeds are `type="rss"` outlines (the type OPML readers expect for Atom and JSON Feed
/// too) inside a folder named after their first tag, with all their tags in `category`
/// ("/ukraine,/lviv", OPML 2.0's comma-separated slash paths; a "," or "/" inside a tag becomes
/// a space). A Telegram channel is `type="telegram"` with its web preview
/// `https://t.me/s/NAME` as `xmlUrl` (what Visnyk reads; other readers need RSSHub or
/// rss-bridge for it) and `https://t.me/NAME` as `htmlUrl`; `visnyk sources import` turns it
/// back into `telegram = "NAME"`. File sources are left out: a local path means nothing to
/// another reader.
public enum OPMLWriter {
    public struct Document: Sendable {
        public var text: String
        /// The sources left out (file sources), by name.
        public var leftOut: [String]
    }

    public static func document(_ sources: [SourceConfig], title: String, date: Date) -> Document {
        var leftOut: [String] = []
        var folders: [(name: String, outlines: [String])] = []
        var folderIndex: [String: Int] = [:]
        var loose: [String] = []
        for source in sources {
            guard let outline = outline(source) else {
                leftOut.append(source.name)
                continue
            }
            guard let folder = source.tags.first else {
                loose.append("    " + outline)
                continue
            }
            if let index = folderIndex[folder] {
                folders[index].outlines.append(outline)
            } else {
                folderIndex[folder] = folders.count
                folders.append((folder, [outline]))
            }
        }
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<opml version=\"2.0\">",
            "  <head>",
            "    <title>\(escaped(title))</title>",
            "    <dateCreated>\(rfc822(date))</dateCreated>",
            "    <docs>http://opml.org/spec2.opml</docs>",
            "  </head>",
            "  <body>",
        ]
        for folder in folders {
            lines.append("    <outline text=\"\(escaped(folder.name))\" title=\"\(escaped(folder.name))\">")
            lines += folder.outlines.map { "      " + $0 }
            lines.append("    </outline>")
        }
        lines += loose
        lines += ["  </body>", "</opml>", ""]
        return Document(text: lines.joined(separator: "\n"), leftOut: leftOut)
    }

    private static func outline(_ source: SourceConfig) -> String? {
        var attributes: [(String, String)]
        switch source.location {
        case .url(let url):
            attributes = [("type", "rss"), ("text", source.name), ("title", source.name), ("xmlUrl", url)]
        case .telegram(let channel):
            attributes = [("type", "telegram"), ("text", source.name), ("title", source.name),
                          ("xmlUrl", "https://t.me/s/\(channel)"), ("htmlUrl", "https://t.me/\(channel)")]
        case .file:
            return nil
        }
        if !source.tags.isEmpty {
            let paths = source.tags.map { tag in
                "/" + String(tag.map { $0 == "," || $0 == "/" ? " " : $0 })
            }
            attributes.append(("category", paths.joined(separator: ",")))
        }
        return "<outline " + attributes.map { "\($0.0)=\"\(escaped($0.1))\"" }.joined(separator: " ") + "/>"
    }

    /// Text for an XML attribute or element: markup characters as references, line breaks and
    /// tabs as character references (kept through attribute normalization), other characters
    /// XML 1.0 forbids as a space.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// OPML's dates are RFC 822, in GMT.
    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
