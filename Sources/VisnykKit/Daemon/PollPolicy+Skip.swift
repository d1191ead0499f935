import Foundation

extension PollPolicy {
    /// The start of the first UTC hour at or after `date` that is in neither skip list, or
    /// nil when `date` itself is allowed. A list that skips everything is ignored: a feed
    /// cannot ask never to be read.
    static func firstAllowedHour(atOrAfter date: Date, skipHours: Set<Int>, skipDays: Set<Int>) -> Date? {
        let hours = skipHours.isSuperset(of: 0..<24) ? [] : skipHours
        let days = skipDays.isSuperset(of: 1...7) ? [] : skipDays
        guard !hours.isEmpty || !days.isEmpty else { return nil }
        let start = (date.timeIntervalSince1970 / 3600).rounded(.down)
        // Within eight days every allowed hour has come round at least once.
        for offset in 0..<(8 * 24) {
            let hour = Int(start) + offset
            let hourOfDay = modulo(hour, 24)
            let weekday = modulo(floorDivide(hour, 24) + 4, 7) + 1   // 1970-01-01 was a Thursday
            guard !hours.contains(hourOfDay), !days.contains(weekday) else { continue }
            return offset == 0 ? nil : Date(timeIntervalSince1970: Double(hour) * 3600)
        }
        return nil
    }

    private static func modulo(_ a: Int, _ n: Int) -> Int {
        let r = a % n
        return r < 0 ? r + n : r
    }

    private static func floorDivide(_ a: Int, _ n: Int) -> Int {
        (a - modulo(a, n)) / n
    }
}
