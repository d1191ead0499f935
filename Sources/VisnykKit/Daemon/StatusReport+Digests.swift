import Foundation

extension StatusReport {
    public struct DigestRow: Sendable, Codable, Equatable {
        public var name: String
        /// "07:30 Europe/Kyiv", with the days when not every day.
        public var schedule: String
        public var to: [String]
        /// "ok", "failing" or "never sent".
        public var health: String
        public var lastDelivered: Date?
        public var lastArticles: Int
        public var lastMessageID: String?
        public var deliveries: Int
        public var nextScheduled: Date?
        public var failures: Int
        public var failingSince: Date?
        public var lastError: String?
        public var nextAttempt: Date?
    }

    static func digestRows(config: VisnykConfig, store: any StateBackend, now: Date) throws -> [DigestRow] {
        let states = Dictionary(try store.allDigestStates().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return config.digests.map { digest in
            let state = states[digest.name]
            let schedule = try? DigestSchedule(digest)
            let health = (state?.failures ?? 0) > 0 ? "failing" : state?.lastDeliveredAt == nil ? "never sent" : "ok"
            return DigestRow(
                name: digest.name, schedule: scheduleText(digest), to: digest.to, health: health,
                lastDelivered: state?.lastDeliveredAt, lastArticles: state?.lastArticleCount ?? 0,
                lastMessageID: state?.lastMessageID, deliveries: state?.deliveries ?? 0,
                nextScheduled: schedule?.nextSlot(after: max(state?.lastSlot ?? now, now)),
                failures: state?.failures ?? 0, failingSince: state?.failingSince,
                lastError: state?.lastError, nextAttempt: state?.nextAttemptAt)
        }
    }

    static func scheduleText(_ digest: DigestConfig) -> String {
        var text = digest.at.map(\.description).joined(separator: ", ") + " " + digest.timezone
        if let days = digest.days, days.count < 7 {
            text += " on " + Weekday.allCases.filter { days.contains($0) }.map(\.shortName).joined(separator: ", ")
        }
        return text
    }

    func digestLines(now: Date) -> [String] {
        var lines: [String] = []
        for row in digests {
            lines.append("digest \(row.name) — \(row.health)")
            lines.append("  \(row.schedule) to \(row.to.joined(separator: ", "))")
            var last = "  last sent " + Self.when(row.lastDelivered, now: now)
            if row.lastDelivered != nil { last += " (\(row.lastArticles) articles; \(row.deliveries == 1 ? "1 message" : "\(row.deliveries) messages") in all)" }
            lines.append(last + ", next " + Self.when(row.nextAttempt ?? row.nextScheduled, now: now))
            if let error = row.lastError {
                let since = row.failingSince.map { " since " + Self.when($0, now: now) } ?? ""
                lines.append("  not delivered\(since) (\(row.failures) attempts): \(error)")
            }
        }
        return lines
    }
}
