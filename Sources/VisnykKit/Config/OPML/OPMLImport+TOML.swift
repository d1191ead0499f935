import Foundation

extension OPMLImport {
    /// The `[[source]]` tables to append to a configuration, after a comment saying where they
    /// came from; empty when nothing is added.
    public func toml(origin: String, date: Date) -> String {
        guard !added.isEmpty else { return "" }
        let stamp = RFC3339Formatter.format(secondsSince1970: date.timeIntervalSince1970)
        let from = OPMLReader.collapsed(origin) ?? "an OPML file"
        var text = "\n# Imported from \(from) by `visnyk sources import` on \(stamp): \(added.count) source\(added.count == 1 ? "" : "s")\n"
        for source in added {
            text += "\n[[source]]\nname = \(TOMLText.string(source.name))\n"
            switch source.location {
            case .url(let url): text += "url = \(TOMLText.string(url))\n"
            case .telegram(let channel): text += "telegram = \(TOMLText.string(channel))\n"
            case .file(let path): text += "file = \(TOMLText.string(path))\n"
            }
            if !source.tags.isEmpty { text += "tags = \(TOMLText.array(source.tags))\n" }
        }
        return text
    }
}
