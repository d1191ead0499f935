import Foundation

/// When a digest goes out: its local wall-clock times, on its days, in its zone.
///
/// Local times are turned into instants through the zone's UTC offsets rather than
/// `Calendar.date(from:)`, whose choices for skipped and repeated times are its own. A time
/// that a spring-forward gap skips fires at the same clock time shifted by the gap (03:30 in
/// Kyiv on 2026-03-29 fires at 04:30 EEST); a time that a fall-back repeats fires once, at
/// its first occurrence.
public struct DigestSchedule: Sendable, Equatable {
    /// Sorted, without duplicates.
    public let times: [DigestTime]
    public let timeZone: TimeZone
    /// nil: every day.
    public let days: Set<Weekday>?

    private static let secondsPerDay = 86_400
    /// How far `latestSlot` looks back: every weekday, whatever `days` holds.
    private static let lookBackDays = 8

    /// `times` must not be empty, nor `days` an empty set (the config refuses both).
    public init(times: [DigestTime], timeZone: TimeZone, days: Set<Weekday>?) {
        precondition(!times.isEmpty, "a digest schedule needs a time of day")
        precondition(days?.isEmpty != true, "a digest schedule needs a day")
        self.times = Set(times).sorted()
        self.timeZone = timeZone
        self.days = days
    }

    public init(_ digest: DigestConfig) throws(DigestScheduleError) {
        guard let zone = TimeZone(identifier: digest.timezone) else {
            throw DigestScheduleError(digest: digest.name, reason: .unknownTimeZone(digest.timezone))
        }
        guard !digest.at.isEmpty else { throw DigestScheduleError(digest: digest.name, reason: .noTimes) }
        guard digest.days?.isEmpty != true else { throw DigestScheduleError(digest: digest.name, reason: .noDays) }
        self.init(times: digest.at, timeZone: zone, days: digest.days)
    }

    /// The most recent scheduled instant at or before `date`; nil when none in the 8 days
    /// before it (which a valid schedule always has).
    public func latestSlot(atOrBefore date: Date) -> Date? {
        let today = localDay(of: date)
        // From tomorrow: where a zone's clock falls back across midnight, tomorrow's first
        // slot can come before `date`.
        return slots(onDays: (today - Self.lookBackDays)...(today + 1)).filter { $0 <= date }.max()
    }

    /// The first scheduled instant after `date`.
    public func nextSlot(after date: Date) -> Date {
        let today = localDay(of: date)
        // The days from the day after tomorrow on hold only slots after `date`, and any seven
        // of them hold every weekday: so a week of them settles it for a valid schedule.
        var lastDay = today + 8
        while true {
            if let next = slots(onDays: (today - 1)...lastDay).filter({ $0 > date }).min() {
                return next
            }
            lastDay += 7
        }
    }

    /// The catch-up rule: the latest slot in (lastCovered, now], or nil. One digest covers any
    /// number of missed slots.
    public func dueSlot(lastCovered: Date, now: Date) -> Date? {
        guard let slot = latestSlot(atOrBefore: now), slot > lastCovered else { return nil }
        return slot
    }

    // MARK: Local days and times

    /// Days since 1970-01-01 on the zone's wall clock.
    private func localDay(of date: Date) -> Int {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let local = seconds + timeZone.secondsFromGMT(for: date)
        return local >= 0 ? local / Self.secondsPerDay : (local + 1) / Self.secondsPerDay - 1
    }

    /// Foundation numbers weekdays from Sunday = 1; 1970-01-01 was a Thursday.
    private func weekday(ofLocalDay day: Int) -> Weekday? {
        Weekday(rawValue: ((day + 4) % 7 + 7) % 7 + 1)
    }

    private func slots(onDays range: ClosedRange<Int>) -> [Date] {
        var slots: [Date] = []
        for day in range {
            if let days, let weekday = weekday(ofLocalDay: day), !days.contains(weekday) { continue }
            for time in times {
                slots.append(instant(localSeconds: day * Self.secondsPerDay + time.hour * 3_600 + time.minute * 60))
            }
        }
        return slots
    }

    /// The instant the wall clock shows `local` (seconds since 1970-01-01T00:00 local time).
    private func instant(localSeconds local: Int) -> Date {
        // The offsets a day either side: the instant lies between them, so one of the two is
        // in effect at it, unless the time falls in a gap.
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - Self.secondsPerDay)))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + Self.secondsPerDay)))
        // The larger offset gives the earlier instant: a repeated time's first occurrence.
        for offset in [max(before, after), min(before, after)] {
            let candidate = Date(timeIntervalSince1970: TimeInterval(local - offset))
            if timeZone.secondsFromGMT(for: candidate) == offset { return candidate }
        }
        // Skipped by a gap: read with the offset from before it, the clock time moves on by the gap.
        return Date(timeIntervalSince1970: TimeInterval(local - before))
    }
}
