import Foundation

extension StatusReport {
    /// Pretty JSON with RFC 3339 UTC dates, for scripts.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A block per source, trouble first, then the spool and the digests.
    public func text(now: Date = Date()) -> String {
        var lines: [String] = []
        for row in sources {
            lines.append("\(row.name) — \(row.health)")
            lines.append("  \(row.url)")
            var poll = "  last poll " + Self.when(row.lastPoll, now: now)
            if let status = row.httpStatus { poll += " (HTTP \(status))" }
            if row.health != "retired" && row.enabled { poll += ", next " + Self.when(row.nextPoll, now: now) }
            lines.append(poll)
            let filtered = row.filtered > 0 ? ", \(row.filtered) filtered out" : ""
            lines.append("  \(row.newArticles) new, \(row.updates) updated, \(row.duplicates) seen before\(filtered); "
                         + "\(row.polls) polls, \(row.notModified) not modified")
            if let warning = row.lastWarning { lines.append("  warning: \(warning)") }
            if let error = row.lastError {
                let since = row.failingSince.map { " since " + Self.when($0, now: now) } ?? ""
                lines.append("  failing\(since) (\(row.failures) in a row): \(error)")
            }
            lines += boilerplateLines(row)
        }
        lines.append("spool \(spool.directory): \(spool.new) in new/, \(spool.cur) in cur/, \(spool.tmp) in tmp/; "
                     + "\(seenArticles) articles remembered")
        lines += digestLines(now: now)
        lines += clusterLines(now: now)
        return lines.joined(separator: "\n") + "\n"
    }

    static func when(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        if date == .distantFuture { return "never" }
        let stamp = date.formatted(.iso8601)
        let seconds = Int(date.timeIntervalSince(now).rounded())
        let span = Self.span(abs(seconds))
        return seconds > 0 ? "\(stamp) (in \(span))" : "\(stamp) (\(span) ago)"
    }

    static func span(_ seconds: Int) -> String {
        switch seconds {
        case ..<90: "\(seconds)s"
        case ..<5400: "\(seconds / 60)m"
        case ..<172_800: "\(seconds / 3600)h"
        default: "\(seconds / 86_400)d"
        }
    }
}
