/// The pieces of a date as read from text, before validation. Both parsers fill one of these;
/// `secondsSince1970()` checks every range and converts to UTC.
struct ParsedDateFields {
    var year = 0
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var nanoseconds = 0
    /// Offset of the local time from UTC, in seconds (east positive).
    var utcOffset = 0

    /// Seconds since 1970-01-01T00:00:00Z, or nil when any field is out of range.
    /// A leap second (:60) is clamped to :59 because `Date` cannot represent it;
    /// 24:00:00 (ISO 8601's end of day) becomes midnight of the next day.
    func secondsSince1970() -> Double? {
        guard month >= 1, month <= 12,
              day >= 1, day <= CivilCalendar.daysInMonth(month, year: year),
              minute >= 0, minute <= 59,
              second >= 0, second <= 60,
              hour >= 0, hour <= 24,
              nanoseconds >= 0, nanoseconds < 1_000_000_000
        else { return nil }
        if hour == 24, minute != 0 || second != 0 || nanoseconds != 0 { return nil }
        let clampedSecond = second == 60 ? 59 : second
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let whole = days * CivilCalendar.secondsPerDay + hour * 3600 + minute * 60
            + clampedSecond - utcOffset
        if nanoseconds == 0 { return Double(whole) }
        // A fraction like .9999999 would round up to the next second in a Double; keep it
        // below, so that formatting (which rounds down) still shows the second as written.
        let exact = Double(whole) + Double(nanoseconds) / 1_000_000_000
        let nextSecond = Double(whole + 1)
        return exact < nextSecond ? exact : nextSecond.nextDown
    }
}
