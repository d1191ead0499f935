/// Reads the feed outlines of an OPML 1.0 / 2.0 file (subscription lists as Miniflux,
/// FreshRSS, Feedly, Inoreader, newsboat and others export them) with the project's hardened
/// XML reader: no DTD is loaded and no entity expanded, libxml2's depth limits stay on.
///
/// An outline with an `xmlUrl` is a feed (whatever its `type`, which exporters fill in
/// loosely); one without it but with child outlines is a folder, whose title becomes a tag of
/// every feed inside. Attribute names are matched without regard to case (`xmlURL` is common).
public struct OPMLReader: Sendable {
    /// Larger files are surely not subscription lists.
    public static let maximumFileSize = 16 << 20

    public var feeds: [OPMLFeed] = []
    public var skipped: [OPMLSkippedOutline] = []
    /// The `<head><title>` of the file, when it has one.
    public var title: String?

    /// Parses `bytes`, the content of the OPML file `file` (named in errors).
    public init(_ bytes: [UInt8], file: String) throws(OPMLError) {
        guard bytes.count <= Self.maximumFileSize else {
            throw OPMLError(file: file, problem: "the file is larger than \(Self.maximumFileSize >> 20) MiB: it is not a subscription list")
        }
        let utf8: [UInt8]
        do {
            utf8 = try DocumentDecoder.decode(bytes, contentType: nil).utf8
        } catch {
            throw OPMLError(file: file, problem: "the file cannot be decoded as text: \(error)")
        }
        guard utf8.contains(where: { $0 > 0x20 }) else {
            throw OPMLError(file: file, problem: "the file is empty: export the subscriptions as OPML again")
        }
        let root: XMLElement
        do {
            root = try XMLTreeBuilder.parseRepairing(utf8, documentBase: nil).result.root
        } catch {
            throw OPMLError(file: file, line: error.line, problem: "not well-formed XML (\(error.message)): export the subscriptions as OPML again")
        }
        guard root.nameString.lowercased() == "opml" else {
            throw OPMLError(file: file, problem: "not an OPML file: its root element is <\(root.nameString)>, not <opml>")
        }
        let children = root.elements
        if let head = children.first(where: { $0.nameString.lowercased() == "head" }),
           let title = head.elements.first(where: { $0.nameString.lowercased() == "title" }) {
            self.title = Self.collapsed(title.deepText)
        }
        guard let body = children.first(where: { $0.nameString.lowercased() == "body" }) else {
            throw OPMLError(file: file, problem: "the OPML file has no <body>: it lists no subscriptions")
        }
        read(body.elements, folders: [])
    }

    private mutating func read(_ outlines: [XMLElement], folders: [String]) {
        for outline in outlines where outline.nameString.lowercased() == "outline" {
            var attributes: [String: String] = [:]
            for attribute in outline.attributes where attribute.namespace == .none && attributes[attribute.name.lowercased()] == nil {
                attributes[attribute.name.lowercased()] = attribute.value
            }
            let title = Self.collapsed(attributes["title"]) ?? Self.collapsed(attributes["text"])
            let xmlURL = attributes["xmlurl"].map { String($0.trimmingWhiteSpace()) } ?? ""
            let isTelegram = attributes["type"]?.lowercased() == "telegram"
            let type = attributes["type"]?.lowercased() ?? ""
            if !xmlURL.isEmpty, type.contains("xpath") || type.contains("dotnotation") {
                skipped.append(OPMLSkippedOutline(line: outline.line, title: title,
                    reason: "it is a web page scraped by FreshRSS (type \"\(attributes["type"] ?? "")\"), not a feed: find the site's feed and add it by hand"))
            } else if !xmlURL.isEmpty {
                guard let location = Self.location(xmlURL, isTelegram: isTelegram, line: outline.line, title: title,
                                                   skipped: &skipped) else { continue }
                let tags = Self.unique(folders + Self.categories(attributes["category"]))
                feeds.append(OPMLFeed(title: title, location: location, tags: tags, line: outline.line))
            } else if outline.hasElementChildren {
                read(outline.elements, folders: folders + (title.map { [$0] } ?? []))
            } else if attributes["htmlurl"] != nil || attributes["url"] != nil {
                skipped.append(OPMLSkippedOutline(line: outline.line, title: title,
                    reason: "it has no xmlUrl, only a web page link: find the site's feed and add it by hand"))
            }
        }
    }

    private static func location(_ text: String, isTelegram: Bool, line: Int, title: String?,
                                 skipped: inout [OPMLSkippedOutline]) -> SourceLocation? {
        let lower = text.lowercased()
        if isTelegram || lower.contains("://t.me/") || lower.contains("://telegram.me/") {
            if let channel = TelegramChannel.name(from: text) { return .telegram(channel) }
            if isTelegram {
                skipped.append(OPMLSkippedOutline(line: line, title: title,
                    reason: "\"\(text)\" is not a public Telegram channel link (https://t.me/s/NAME)"))
                return nil
            }
        }
        if let problem = ConfigURL.problem(with: text) {
            skipped.append(OPMLSkippedOutline(line: line, title: title, reason: problem))
            return nil
        }
        return .url(text)
    }

    /// The tags of a `category` attribute: comma-separated slash paths ("/News/Local,/Tech"
    /// gives News, Local and Tech).
    static func categories(_ attribute: String?) -> [String] {
        guard let attribute else { return [] }
        return attribute.split(separator: ",").flatMap { $0.split(separator: "/") }.compactMap { collapsed(String($0)) }
    }

    /// Each tag once, compared without regard to case; the first spelling stays.
    static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Runs of white space and control characters as one space, trimmed; nil when empty.
    static func collapsed(_ text: String?) -> String? {
        guard let text else { return nil }
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? nil : out
    }
}
