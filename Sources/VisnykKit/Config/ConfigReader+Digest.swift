import TOMLKit

extension ConfigReader {
    /// The `[[digest]]` tables, each checked on its own and all for unique names.
    mutating func readDigests(_ value: any TOMLValueConvertible, sources: ConfiguredSources, hasMail: Bool) -> [DigestConfig] {
        let at: [TOMLPathComponent] = [.key("digest")]
        guard let array = value.array else {
            report(at, "digests are written as [[digest]] tables, with double brackets, one per digest")
            return []
        }
        if !hasMail, !array.isEmpty {
            report(at + [.index(0)], "digests need a [mail] table saying how to send them: add [mail] with transport = \"smtp\" and url = \"smtp://mail.example.org:587\" (or transport = \"sendmail\", or \"maildir\" with maildir = \"/path\")")
        }
        return readNamedTables(array, at: at, kind: "digest") { reader, table, path in
            reader.readDigest(table, at: path, sources: sources)
        }
    }

    /// One digest's valid name (for the check of duplicates), and the digest, nil when
    /// anything in it is wrong (the problems are reported).
    private mutating func readDigest(
        _ table: TOMLTable, at path: [TOMLPathComponent], sources: ConfiguredSources
    ) -> (name: String?, digest: DigestConfig?) {
        let problemsBefore = problems.count
        var name: String?, to: [String]?, from: String?, times: [DigestTime]?, zone: String?
        var digest = DigestConfig(name: "", to: [], from: "", at: [], timezone: "", line: keyLines.line(of: path) ?? 0)
        for key in table.keys {
            guard let value = table[key] else { continue }
            let at = path + [.key(key)]
            switch key {
            case "name":
                name = tableName(value, at: at, kind: "digest", example: "\"morning\"")
            case "to":
                to = recipients(value, at: at)
            case "from":
                if let text = string(value, at: at, example: "\"Visnyk <visnyk@example.org>\"") {
                    from = address(text, at: at)
                }
            case "subject":
                if let subject = subject(value, at: at) { digest.subject = subject }
            case "at":
                times = digestTimes(value, at: at)
            case "timezone":
                zone = timeZoneName(value, at: at)
            case "days":
                digest.days = weekdays(value, at: at)
            case "sources":
                digest.sources = selectedSources(value, at: at, among: sources.names) ?? []
            case "tags":
                digest.tags = selectedTags(value, at: at, among: sources.tags) ?? []
            case "include", "exclude":
                let patterns = articlePatterns(value, at: at) ?? []
                if key == "include" { digest.include = patterns } else { digest.exclude = patterns }
            case "max_per_source":
                digest.maxPerSource = count(value, at: at, range: 1...100_000)
            case "excerpt_length":
                if let length = count(value, at: at, range: 0...2_000) { digest.excerptLength = length }
            case "send_empty":
                if let flag = bool(value, at: at) { digest.sendEmpty = flag }
            case "html_template":
                digest.htmlTemplate = self.path(value, at: at)
            case "text_template":
                digest.textTemplate = self.path(value, at: at)
            default:
                let owner = ConfigKeys.owner(of: key)
                unknown(key, at: at, known: ConfigKeys.digest, later: [:],
                        elsewhere: owner == nil ? [] : [key], elsewhereHint: owner ?? "")
            }
        }
        let required: [(key: String, example: String)] = [
            ("name", "name = \"morning\" (names identify digests in the state and on the command line)"),
            ("to", "to = \"reader@example.org\" (or a list of addresses)"),
            ("from", "from = \"Visnyk <visnyk@example.org>\""),
            ("at", "at = \"07:30\" (or a list of times)"),
            ("timezone", "timezone = \"Europe/Kyiv\" (the zone of the times in at)"),
        ]
        for (key, example) in required where table[key] == nil {
            report(path, "this digest has no \(key): add \(example)")
        }
        guard problems.count == problemsBefore, let name, let to, let from, let times, let zone else {
            return (name, nil)
        }
        digest.name = name
        digest.to = to
        digest.from = from
        digest.at = times
        digest.timezone = zone
        return (name, digest)
    }

    private mutating func subject(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let subject = string(value, at: path, example: "\"News for {{date}}\"") else { return nil }
        guard !subject.trimmingWhiteSpace().isEmpty else {
            report(path, "the subject is empty: remove subject for the default (\"\(DigestConfig.Defaults.subject)\"), or write one")
            return nil
        }
        return subject
    }
}
