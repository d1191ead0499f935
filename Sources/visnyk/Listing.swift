import Foundation
import VisnykKit

/// The readable form of `visnyk parse`: the feed, then one line per entry with date, title, link.
enum Listing {
    static func render(_ parsed: ParsedFeed) -> String {
        var out = "# " + (parsed.feed.title ?? "(untitled feed)") + "  [" + parsed.feed.format.rawValue + "]\n"
        if let link = parsed.feed.link { out += "  " + link + "\n" }
        for entry in parsed.entries {
            let date = (entry.published ?? entry.updated).map { String(FeedDate.format($0).prefix(16)).replacingOccurrences(of: "T", with: " ") }
            out += (date ?? "                ") + "  " + (entry.title ?? "(untitled)") + "\n"
            if let link = entry.link { out += "                  " + link + "\n" }
        }
        out += "\(parsed.entries.count) entries\n"
        return out
    }
}
