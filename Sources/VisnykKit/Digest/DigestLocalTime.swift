import Foundation

/// Dates as a digest shows them: in the digest's time zone, English month and day names, the
/// same whatever the machine's locale.
struct DigestLocalTime {
    private let calendar: Calendar
    private let today: Parts

    private struct Parts: Equatable {
        var year, month, day, hour, minute, weekday: Int
    }

    init(timeZone: TimeZone, now: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        today = Self.parts(of: now, in: calendar)
    }

    /// "2026-11-29"
    func day(_ date: Date) -> String {
        let p = Self.parts(of: date, in: calendar)
        return "\(p.year)-\(Self.two(p.month))-\(Self.two(p.day))"
    }

    /// "Sunday, 29 November 2026"
    func longDay(_ date: Date) -> String {
        let p = Self.parts(of: date, in: calendar)
        return "\(Self.weekdays[p.weekday - 1]), \(p.day) \(Self.months[p.month - 1]) \(p.year)"
    }

    /// "2026-11-27 06:10"
    func stamp(_ date: Date) -> String {
        let p = Self.parts(of: date, in: calendar)
        return "\(p.year)-\(Self.two(p.month))-\(Self.two(p.day)) \(Self.two(p.hour)):\(Self.two(p.minute))"
    }

    /// "07:05" on the digest's day, "27 Nov 23:10" on another day of its year, else
    /// "27 Nov 2025 23:10".
    func articleTime(_ date: Date) -> String {
        let p = Self.parts(of: date, in: calendar)
        let time = "\(Self.two(p.hour)):\(Self.two(p.minute))"
        if p.year == today.year, p.month == today.month, p.day == today.day { return time }
        let day = "\(p.day) \(Self.months[p.month - 1].prefix(3))"
        return p.year == today.year ? "\(day) \(time)" : "\(day) \(p.year) \(time)"
    }

    private static func parts(of date: Date, in calendar: Calendar) -> Parts {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        return Parts(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0,
                     minute: c.minute ?? 0, weekday: c.weekday ?? 1)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}
