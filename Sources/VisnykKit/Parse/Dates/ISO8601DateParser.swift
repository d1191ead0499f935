/// Strict RFC 3339 / ISO 8601 / W3CDTF reader: the form nearly every Atom and JSON feed uses,
/// so it runs first. Accepts the extended and basic formats (`2025-04-23T09:00:00Z`,
/// `20250423T090000Z`), reduced precision (`2025`, `2025-04`, `2025-04-23`, `…T09`, `…T09:00`),
/// ordinal (`2025-113`) and week (`2025-W17-3`) dates, a fraction of any length after the
/// seconds (`.` or `,`), lower-case `t`/`z`, a space instead of `T`, and zones `Z`, `±hh:mm`,
/// `±hhmm`, `±hh` (also after a date with no time, as in xsd:date). No zone means UTC.
/// Anything else returns nil and the caller tries the lenient textual parser.
enum ISO8601DateParser {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedDateFields? {
        var scanner = DateByteScanner(bytes)
        var fields = ParsedDateFields()
        guard let precision = readDate(&scanner, into: &fields) else { return nil }
        // A year or year-month stands alone: a time or zone needs a whole date.
        guard precision == .day || scanner.isAtEnd else { return nil }
        let separator = scanner.peek()
        if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20,
           DateByteScanner.isDigit(scanner.peek(1)) {
            scanner.advance()
            guard readTime(&scanner, into: &fields) else { return nil }
        }
        if !scanner.isAtEnd {
            guard readZone(&scanner, into: &fields) else { return nil }
        }
        return scanner.isAtEnd ? fields : nil
    }

    private enum Precision { case year, month, day }

    private static func readDate(_ scanner: inout DateByteScanner, into fields: inout ParsedDateFields) -> Precision? {
        let (value, count) = scanner.readDigits()
        switch count {
        case 8:
            fields.year = value / 10_000
            fields.month = value / 100 % 100
            fields.day = value % 100
            return .day
        case 7:
            return setOrdinal(year: value / 1000, dayOfYear: value % 1000, into: &fields) ? .day : nil
        case 4:
            fields.year = value
        default:
            return nil
        }
        guard scanner.peek() == UInt8(ascii: "-") else { return .year }
        if scanner.peek(1) == UInt8(ascii: "W") {
            scanner.advance(2)
            return readWeekDate(&scanner, into: &fields) ? .day : nil
        }
        scanner.advance()
        let (part, partCount) = scanner.readDigits()
        if partCount == 3 { return setOrdinal(year: fields.year, dayOfYear: part, into: &fields) ? .day : nil }
        guard partCount == 2 else { return nil }
        fields.month = part
        guard scanner.peek() == UInt8(ascii: "-") else { return .month }
        scanner.advance()
        let (day, dayCount) = scanner.readDigits()
        guard dayCount == 2 else { return nil }
        fields.day = day
        return .day
    }

    private static func setOrdinal(year: Int, dayOfYear: Int, into fields: inout ParsedDateFields) -> Bool {
        guard dayOfYear >= 1, dayOfYear <= (CivilCalendar.isLeapYear(year) ? 366 : 365) else { return false }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: 1, day: 1) + dayOfYear - 1
        (fields.year, fields.month, fields.day) = CivilCalendar.civilDate(daysSinceEpoch: days)
        return true
    }

    /// `YYYY-Www[-D]`: week 1 is the week holding 4 January; weeks start on Monday.
    private static func readWeekDate(_ scanner: inout DateByteScanner, into fields: inout ParsedDateFields) -> Bool {
        let (week, weekCount) = scanner.readDigits()
        guard weekCount == 2 else { return false }
        var weekday = 1
        if scanner.peek() == UInt8(ascii: "-") {
            scanner.advance()
            let (value, valueCount) = scanner.readDigits()
            guard valueCount == 1 else { return false }
            weekday = value
        }
        let year = fields.year
        let januaryFirst = CivilCalendar.daysSinceEpoch(year: year, month: 1, day: 1)
        let firstWeekday = CivilCalendar.isoWeekday(daysSinceEpoch: januaryFirst)
        let hasWeek53 = firstWeekday == 3 || (firstWeekday == 2 && CivilCalendar.isLeapYear(year))
        guard week >= 1, week <= (hasWeek53 ? 53 : 52), weekday >= 1, weekday <= 7 else { return false }
        let januaryFourth = januaryFirst + 3
        let firstMonday = januaryFourth - CivilCalendar.isoWeekday(daysSinceEpoch: januaryFourth)
        let days = firstMonday + (week - 1) * 7 + weekday - 1
        (fields.year, fields.month, fields.day) = CivilCalendar.civilDate(daysSinceEpoch: days)
        return true
    }

    private static func readTime(_ scanner: inout DateByteScanner, into fields: inout ParsedDateFields) -> Bool {
        let (value, count) = scanner.readDigits()
        var hasSeconds = false
        switch count {
        case 2:
            fields.hour = value
            guard scanner.peek() == UInt8(ascii: ":") else { break }
            scanner.advance()
            let (minute, minuteCount) = scanner.readDigits()
            guard minuteCount == 2 else { return false }
            fields.minute = minute
            guard scanner.peek() == UInt8(ascii: ":") else { break }
            scanner.advance()
            let (second, secondCount) = scanner.readDigits()
            guard secondCount == 2 else { return false }
            fields.second = second
            hasSeconds = true
        case 4:
            fields.hour = value / 100
            fields.minute = value % 100
        case 6:
            fields.hour = value / 10_000
            fields.minute = value / 100 % 100
            fields.second = value % 100
            hasSeconds = true
        default:
            return false
        }
        let mark = scanner.peek()
        if mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
            guard hasSeconds, DateByteScanner.isDigit(scanner.peek(1)) else { return false }
            scanner.advance()
            fields.nanoseconds = scanner.readFractionNanoseconds()
        }
        return true
    }

    private static func readZone(_ scanner: inout DateByteScanner, into fields: inout ParsedDateFields) -> Bool {
        let mark = scanner.peek()
        if mark == UInt8(ascii: "Z") || mark == UInt8(ascii: "z") {
            scanner.advance()
            fields.utcOffset = 0
            return true
        }
        guard mark == UInt8(ascii: "+") || mark == UInt8(ascii: "-") else { return false }
        scanner.advance()
        let (value, count) = scanner.readDigits()
        var hours = value
        var minutes = 0
        if count == 4 {
            hours = value / 100
            minutes = value % 100
        } else if count == 2 {
            if scanner.peek() == UInt8(ascii: ":") {
                scanner.advance()
                let (minuteValue, minuteCount) = scanner.readDigits()
                guard minuteCount == 2 else { return false }
                minutes = minuteValue
            }
        } else {
            return false
        }
        guard hours <= 23, minutes <= 59 else { return false }
        let offset = hours * 3600 + minutes * 60
        fields.utcOffset = mark == UInt8(ascii: "-") ? -offset : offset
        return true
    }
}
