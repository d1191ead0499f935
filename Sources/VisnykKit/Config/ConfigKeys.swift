/// The key spellings of the configuration (DESIGN.md: fixed; new keys may be added).
enum ConfigKeys {
    static let global = [
        "state_dir", "spool_dir", "spool_format", "user_agent_url", "interval", "min_interval",
        "concurrency", "per_host", "timeout", "connect_timeout", "max_download_size",
        "retention", "max_backoff", "allow_private_networks", "ca_file", "metrics", "near_duplicates", "state", "source", "digest", "mail",
    ]
    static let source = ["name", "url", "file", "telegram", "interval", "tags", "strip", "dedup", "enabled",
                         "full_text", "content_selector", "include", "exclude"]
    static let digest = [
        "name", "to", "from", "subject", "at", "timezone", "days", "sources", "tags", "include",
        "exclude", "max_per_source", "excerpt_length", "send_empty", "html_template", "text_template",
    ]
    static let state = ["backend", "url", "password_file", "credential", "node", "lease"]
    static let mail = [
        "transport", "url", "username", "password_file", "credential", "password_env", "ca_file",
        "ehlo_name", "sendmail", "maildir", "timeout", "tls",
    ]

    /// Keys that later versions read; named as such rather than as unknown.
    static let laterGlobal: [String: String] = [:]
    static let laterSource: [String: String] = [
        "discover": "discover (feed discovery on web pages) is not supported by this version yet: remove it for now",
    ]

    /// The known key closest to `key` in spelling, when it is close enough to be a typo.
    static func closest(to key: String, among candidates: [String]) -> String? {
        let folded = key.lowercased().replacingDashesWithUnderscores()
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(folded.utf8), Array(candidate.utf8))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, best.key.count / 3)
        return best.distance <= allowed ? best.key : nil
    }

    /// The name (of a source, a tag, a time zone) closest to `name`, ignoring case, when it is
    /// close enough to be a typo. Names may be in any script: compared by Unicode scalars.
    static func closestName(to name: String, among candidates: some Sequence<String>) -> String? {
        let folded = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(folded, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, best.name.unicodeScalars.count / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// Where `key` belongs when it is not a key of the table it was written in: a hint for
    /// the message, nil when it is no key of any table.
    static func owner(of key: String) -> String? {
        if global.contains(key) {
            return "\(key) is a global setting: move it above the first table header (keys below a header belong to that table)"
        } else if source.contains(key) {
            return "\(key) is a [[source]] key: put it below a [[source]] header"
        } else if digest.contains(key) {
            return "\(key) is a [[digest]] key: put it below a [[digest]] header"
        } else if mail.contains(key) {
            return "\(key) is a [mail] key: put it below the [mail] header"
        }
        return nil
    }

    /// Levenshtein distance.
    private static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension String {
    fileprivate func replacingDashesWithUnderscores() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
