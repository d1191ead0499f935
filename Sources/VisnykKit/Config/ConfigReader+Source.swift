import TOMLKit

extension ConfigReader {
    private static let locationKeys = ["url", "file", "telegram"]

    /// The `[[source]]` tables, each checked on its own and all for unique names.
    mutating func readSources(_ value: any TOMLValueConvertible, minInterval: Duration) -> [SourceConfig] {
        let at: [TOMLPathComponent] = [.key("source")]
        guard let array = value.array else {
            report(at, "sources are written as [[source]] tables, with double brackets, one per source")
            return []
        }
        return readNamedTables(array, at: at, kind: "source") { reader, table, path in
            reader.readSource(table, at: path, minInterval: minInterval)
        }
    }

    /// One source's valid name (for the check of duplicates), and the source, nil when
    /// anything in it is wrong (the problems are reported).
    private mutating func readSource(
        _ table: TOMLTable, at path: [TOMLPathComponent], minInterval: Duration
    ) -> (name: String?, source: SourceConfig?) {
        let problemsBefore = problems.count
        var name: String?
        var locations: [(key: String, location: SourceLocation?)] = []
        var source = SourceConfig(name: "", location: .url(""), line: keyLines.line(of: path) ?? 0)
        for key in table.keys {
            guard let value = table[key] else { continue }
            let at = path + [.key(key)]
            switch key {
            case "name":
                name = tableName(value, at: at, kind: "source", example: "\"Leopolis.news\"")
            case "url":
                locations.append((key, feedURL(value, at: at).map(SourceLocation.url)))
            case "file":
                locations.append((key, self.path(value, at: at).map(SourceLocation.file)))
            case "telegram":
                locations.append((key, telegramChannel(value, at: at).map(SourceLocation.telegram)))
            case "interval":
                source.interval = duration(value, at: at)
                if let interval = source.interval, interval < minInterval {
                    report(at, "\(DurationText.format(interval)) is shorter than min_interval (\(DurationText.format(minInterval))): poll less often, or lower min_interval")
                }
            case "tags":
                source.tags = strings(value, at: at, example: "[\"news\", \"lviv\"]") { reader, tag, at in
                    guard !tag.trimmingWhiteSpace().isEmpty else {
                        reader.report(at, "a tag is empty: remove it")
                        return false
                    }
                    return true
                } ?? []
            case "strip":
                source.strip = strings(value, at: at, example: "[\"Не пропустіть важливе!\", \"/^Читайте нас/\"]") { reader, spec, at in
                    do {
                        _ = try StripPattern(spec)
                        return true
                    } catch {
                        reader.report(at, "\(error): write literal text, or a regular expression between slashes, like \"/^Read more/\"")
                        return false
                    }
                } ?? []
            case "include", "exclude":
                let patterns = articlePatterns(value, at: at) ?? []
                if key == "include" { source.include = patterns } else { source.exclude = patterns }
            case "dedup":
                if let scope: DedupScope = choice(value, at: at, example: "\"global\"", problem: { text in
                    "\"\(text)\" is not a dedup scope: write \"global\" (an article is spooled once whichever sources carry it) or \"feed\" (once per source)"
                }) { source.dedup = scope }
            case "enabled":
                if let enabled = bool(value, at: at) { source.enabled = enabled }
            case "full_text":
                if let fullText = bool(value, at: at) { source.fullText = fullText }
            case "content_selector":
                source.contentSelector = contentSelector(value, at: at)
            default:
                unknown(key, at: at, known: ConfigKeys.source, later: ConfigKeys.laterSource,
                        elsewhere: ConfigKeys.global,
                        elsewhereHint: "\(key) is a global setting: move it above the first [[source]] header (keys below a header belong to that source)")
            }
        }
        if table["name"] == nil {
            report(path, "this source has no name: add name = \"…\" (names identify sources in the state and in messages)")
        }
        checkFullText(source, locations: locations.map(\.key), at: path)
        if locations.isEmpty {
            report(path, "this source has no url, file or telegram: add one, like url = \"https://example.org/feed.xml\"")
        } else if locations.count > 1 {
            let keys = locations.map(\.key).sorted {
                (keyLines.line(of: path + [.key($0)]) ?? 0) < (keyLines.line(of: path + [.key($1)]) ?? 0)
            }
            report(path + [.key(keys[1])], "a source has exactly one of url, file or telegram, and this one has \(keys.joined(separator: " and ")): keep one, or split it into two sources")
        }
        guard problems.count == problemsBefore, let name, let location = locations.first?.location else {
            return (name, nil)
        }
        source.name = name
        source.location = location
        return (name, source)
    }

    private mutating func feedURL(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let text = string(value, at: path, example: "\"https://example.org/feed.xml\"") else { return nil }
        if let problem = ConfigURL.problem(with: text) {
            report(path, problem)
            return nil
        }
        return text
    }

    private mutating func telegramChannel(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let text = string(value, at: path, example: "\"leopolisnews\"") else { return nil }
        guard let channel = TelegramChannel.name(from: text) else {
            report(path, "\"\(text)\" is not a public Telegram channel: write its name (5 to 32 letters, digits or _), like telegram = \"leopolisnews\", or its https://t.me/… link")
            return nil
        }
        return channel
    }
}
