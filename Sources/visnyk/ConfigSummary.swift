import VisnykKit

/// What `visnyk check` prints for a valid configuration: a few lines a person can confirm.
enum ConfigSummary {
    static func render(_ config: VisnykConfig) -> String {
        var lines = ["\(config.path): OK"]
        let sources = config.sources
        let enabled = sources.filter(\.enabled).count
        let kinds = [("url", sources.count(where: { if case .url = $0.location { true } else { false } })),
                     ("file", sources.count(where: { if case .file = $0.location { true } else { false } })),
                     ("telegram", sources.count(where: { if case .telegram = $0.location { true } else { false } }))]
            .filter { $0.1 > 0 }
            .map { "\($0.1) \($0.0)" }
        var sourceLine = "sources: \(sources.count) (\(enabled) enabled)"
        if !kinds.isEmpty { sourceLine += ": " + kinds.joined(separator: ", ") }
        lines.append(sourceLine)

        var intervalLine = "intervals: default \(DurationText.format(config.interval)), minimum \(DurationText.format(config.minInterval))"
        let own = sources.compactMap(\.interval)
        if let shortest = own.min(), let longest = own.max() {
            let range = shortest == longest
                ? DurationText.format(shortest)
                : "\(DurationText.format(shortest)) to \(DurationText.format(longest))"
            intervalLine += "; \(own.count) source\(own.count == 1 ? "" : "s") with \(own.count == 1 ? "its" : "their") own (\(range))"
        }
        lines.append(intervalLine)
        lines.append("fetching: \(config.concurrency) at a time, \(config.perHost) per host, timeout \(DurationText.format(config.timeout)) (connect \(DurationText.format(config.connectTimeout))), at most \(ByteSizeText.format(config.maxDownloadSize)) per feed, backoff up to \(DurationText.format(config.maxBackoff))")
        lines.append("user agent: \(config.userAgent)")
        lines.append("spool: \(config.spoolDir) (\(config.spoolFormat.rawValue))")
        lines.append("state: \(config.stateDir) (seen articles kept \(DurationText.format(config.retention)))")
        let nearDuplicates = switch config.nearDuplicates {
        case .mark: "mark (a later telling of a story within 72 hours is spooled with sameStoryAs)"
        case .drop: "drop (a later telling of a story within 72 hours is not spooled)"
        case .off: "off"
        }
        lines.append("near-duplicates: " + nearDuplicates)
        let telegram = sources.count(where: { if case .telegram = $0.location { true } else { false } })
        if telegram > 0 {
            lines.append("telegram: \(telegram) channel(s) read from https://t.me/s/<channel>, each at most every "
                         + DurationText.format(SourceConfig.telegramMinimumInterval))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
