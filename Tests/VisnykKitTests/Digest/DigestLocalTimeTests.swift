import Foundation
import Testing
@testable import VisnykKit

@Suite struct DigestLocalTimeTests {
    @Test(arguments: ["Europe/Kyiv", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "UTC"])
    func localFieldsAgreeWithFoundationsCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let clock = DigestLocalTime(timeZone: timeZone, now: Date(timeIntervalSince1970: 0))
        // Every 61 h 13 min from 1960 to 2040: DST changes, leap days, year ends, before 1970.
        var t = -315_619_200.0
        while t < 2_208_988_800 {
            let date = Date(timeIntervalSince1970: t)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let expected = String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
            #expect(clock.stamp(date) == expected, "\(zone) at \(t)")
            if clock.stamp(date) != expected { return }
            t += 61 * 3600 + 13 * 60
        }
    }

    @Test func longDayNamesTheWeekday() {
        let clock = DigestLocalTime(timeZone: TimeZone(identifier: "Europe/Kyiv")!, now: Date(timeIntervalSince1970: 0))
        #expect(clock.longDay(Date(timeIntervalSince1970: 1_795_930_200)) == "Sunday, 29 November 2026")
        #expect(clock.longDay(Date(timeIntervalSince1970: 0)) == "Thursday, 1 January 1970")
        #expect(clock.longDay(Date(timeIntervalSince1970: -86_400 * 2)) == "Tuesday, 30 December 1969")
    }
}
