/// The key spellings of the configuration (DESIGN.md: fixed; new keys may be added).
enum ConfigKeys {
    static let global = [
        "state_dir", "spool_dir", "spool_format", "user_agent_url", "interval", "min_interval",
        "concurrency", "per_host", "timeout", "connect_timeout", "max_download_size",
        "retention", "max_backoff", "source",
    ]
    static let source = ["name", "url", "file", "telegram", "interval", "tags", "strip", "dedup", "enabled"]

    /// Keys of DESIGN.md that later versions read; named as such rather than as unknown.
    static let laterGlobal: [String: String] = [
        "digest": "[[digest]] tables (mailed digests) are not supported by this version yet: remove them for now",
        "mail": "the [mail] table (mail delivery) is not supported by this version yet: remove it for now",
    ]
    static let laterSource: [String: String] = [
        "full_text": "full_text (fetching each article's own page) is not supported by this version yet: remove it for now",
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

    /// Levenshtein distance over bytes (keys are ASCII).
    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
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
