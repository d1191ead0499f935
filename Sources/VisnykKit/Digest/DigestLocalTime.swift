import Foundation

/// Dates as a digest shows them: in the digest's time zone, English month and day names, the
/// same whatever the machine's locale. The fields come from the zone's offset at that instant
/// and plain Gregorian arithmetic: Calendar.dateComponents costs microseconds per call, and a
/// digest of thousands of articles asks for two dates each.
struct DigestLocalTime {
    private let timeZone: TimeZone
    private let today: Parts

    private struct Parts: Equatable {
        var year, month, day, hour, minute, weekday: Int
    }

    init(timeZone: TimeZone, now: Date) {
        self.timeZone = timeZone
        today = Self.parts(of: now, in: timeZone)
    }

    /// "2026-11-29"
    func day(_ date: Date) -> String {
        let p = Self.parts(of: date, in: timeZone)
        return "\(p.year)-\(Self.two(p.month))-\(Self.two(p.day))"
    }

    /// "Sunday, 29 November 2026"
    func longDay(_ date: Date) -> String {
        let p = Self.parts(of: date, in: timeZone)
        return "\(Self.weekdays[p.weekday - 1]), \(p.day) \(Self.months[p.month - 1]) \(p.year)"
    }

    /// "2026-11-27 06:10"
    func stamp(_ date: Date) -> String {
        let p = Self.parts(of: date, in: timeZone)
        return "\(p.year)-\(Self.two(p.month))-\(Self.two(p.day)) \(Self.two(p.hour)):\(Self.two(p.minute))"
    }

    /// "07:05" on the digest's day, "27 Nov 23:10" on another day of its year, else
    /// "27 Nov 2025 23:10".
    func articleTime(_ date: Date) -> String {
        let p = Self.parts(of: date, in: timeZone)
        let time = "\(Self.two(p.hour)):\(Self.two(p.minute))"
        if p.year == today.year, p.month == today.month, p.day == today.day { return time }
        let day = "\(p.day) \(Self.months[p.month - 1].prefix(3))"
        return p.year == today.year ? "\(day) \(time)" : "\(day) \(p.year) \(time)"
    }

    private static func parts(of date: Date, in timeZone: TimeZone) -> Parts {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e13 else { return Parts(year: 1970, month: 1, day: 1, hour: 0, minute: 0, weekday: 5) }
        let local = Int64(seconds) + Int64(timeZone.secondsFromGMT(for: date))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: Int(days))
        // 1970-01-01 was a Thursday; weekday 1 is Sunday.
        let weekday = Int(((days % 7) + 11) % 7) + 1
        return Parts(year: year, month: month, day: day, hour: secondOfDay / 3600,
                     minute: secondOfDay % 3600 / 60, weekday: weekday)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}
