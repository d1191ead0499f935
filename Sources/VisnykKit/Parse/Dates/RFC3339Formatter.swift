/// Writes `YYYY-MM-DDThh:mm:ssZ` with integer arithmetic straight into the string's storage.
enum RFC3339Formatter {
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range four-digit years can show.
    static let earliest = -62_135_596_800
    static let latest = 253_402_300_799

    /// Rounds down to the whole second; values outside years 1–9999 (infinities too) are
    /// clamped to that range, and NaN (not a date at all) formats as the epoch.
    static func format(secondsSince1970 interval: Double) -> String {
        var seconds = 0
        if !interval.isNaN {
            seconds = Int(min(max(interval.rounded(.down), Double(earliest)), Double(latest)))
        }
        var days = seconds / CivilCalendar.secondsPerDay
        var secondOfDay = seconds % CivilCalendar.secondsPerDay
        if secondOfDay < 0 {
            secondOfDay += CivilCalendar.secondsPerDay
            days -= 1
        }
        let date = CivilCalendar.civilDate(daysSinceEpoch: days)
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, digits: Int, at position: Int) {
                var remaining = value
                for offset in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[position + offset] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
                    remaining /= 10
                }
            }
            put(date.year, digits: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(date.month, digits: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(date.day, digits: 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, digits: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, digits: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, digits: 2, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }
}
