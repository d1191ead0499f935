import Foundation

/// `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, as a wait from now.
enum RetryAfter {
    /// Longer requests are cut to this: a server cannot park a feed for more than a day.
    static let maximum: Duration = .seconds(86_400)

    /// The wait, clamped to 0…``maximum`` (a date in the past is 0); nil when unreadable.
    static func parse(_ value: String, now: Date) -> Duration? {
        let trimmed = value.utf8.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }.reversed()
        guard !trimmed.isEmpty, trimmed.count <= 256 else { return nil }
        if trimmed.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            // All digits but too long for Int: far past the maximum anyway.
            let seconds = Int(String(decoding: trimmed, as: UTF8.self)) ?? Int.max
            return clamped(seconds: Double(seconds))
        }
        guard let date = FeedDate.parse(String(decoding: trimmed, as: UTF8.self)) else { return nil }
        return clamped(seconds: date.timeIntervalSince(now).rounded(.up))
    }

    private static func clamped(seconds: Double) -> Duration {
        let limit = Double(maximum.components.seconds)
        return .seconds(Int64(min(max(seconds, 0), limit)))
    }
}
