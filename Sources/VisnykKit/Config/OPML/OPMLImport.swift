import Foundation

/// What `visnyk sources import` adds to a configuration: the OPML file's feeds, less those the
/// configuration already has (same URL, compared by `FeedURLKey`, or same Telegram channel),
/// each with a name no other source has.
public struct OPMLImport: Sendable {
    public struct Source: Sendable, Equatable {
        public var name: String
        public var location: SourceLocation
        public var tags: [String]
    }

    /// Names are cut to what the config reader accepts.
    static let maximumNameLength = 200

    public private(set) var added: [Source] = []
    /// Outlines left out: unusable, or already in the configuration.
    public private(set) var skipped: [OPMLSkippedOutline]
    /// Feeds whose name was taken, with the name they got ("Name (2)").
    public private(set) var renamed: [(from: String, to: String)] = []
    /// Feeds listed more than once in the file (in several folders): their tags were merged.
    public private(set) var merged: [OPMLSkippedOutline] = []

    public init(_ opml: OPMLReader, existing: [SourceConfig]) {
        skipped = opml.skipped
        var existingByKey: [String: String] = [:]
        var names = Set<String>()
        for source in existing {
            names.insert(source.name.lowercased())
            if let key = FeedURLKey.key(source.location), existingByKey[key] == nil { existingByKey[key] = source.name }
        }
        var addedByKey: [String: Int] = [:]
        for feed in opml.feeds {
            guard let key = FeedURLKey.key(feed.location) else { continue }
            if let name = existingByKey[key] {
                skipped.append(OPMLSkippedOutline(line: feed.line, title: feed.title,
                    reason: "\(feed.location.display) is already in the configuration, as \"\(name)\""))
                continue
            }
            if let index = addedByKey[key] {
                added[index].tags = OPMLReader.unique(added[index].tags + feed.tags)
                merged.append(OPMLSkippedOutline(line: feed.line, title: feed.title,
                    reason: "listed again: its tags were added to \"\(added[index].name)\""))
                continue
            }
            let wanted = Self.name(for: feed)
            let name = Self.unique(wanted, among: names)
            if name != wanted { renamed.append((wanted, name)) }
            names.insert(name.lowercased())
            addedByKey[key] = added.count
            added.append(Source(name: name, location: feed.location, tags: feed.tags))
        }
        skipped.sort { $0.line < $1.line }
    }

    /// The outline's title (without control characters), else the feed's host (or Telegram channel), cut to the maximum length.
    static func name(for feed: OPMLFeed) -> String {
        let base: String
        if let title = OPMLReader.collapsed(feed.title) {
            base = title
        } else {
            switch feed.location {
            case .url(let url): base = URLComponents(string: url)?.host ?? url
            case .telegram(let channel): base = channel
            case .file(let path): base = path
            }
        }
        return cut(base, to: maximumNameLength)
    }

    /// `name`, or "name (2)", "name (3)", … : the first not in `names` (lowercased).
    static func unique(_ name: String, among names: Set<String>) -> String {
        guard names.contains(name.lowercased()) else { return name }
        var number = 2
        while true {
            let suffix = " (\(number))"
            let candidate = cut(name, to: maximumNameLength - suffix.count) + suffix
            if !names.contains(candidate.lowercased()) { return candidate }
            number += 1
        }
    }

    private static func cut(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        return String(String(text.prefix(length)).trimmingWhiteSpace())
    }
}
