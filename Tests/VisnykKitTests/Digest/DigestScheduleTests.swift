import Foundation
import Testing
@testable import VisnykKit

/// Fixed instants only: the schedule is a pure function of its inputs and the zone data.
@Suite("DigestSchedule")
struct DigestScheduleTests {
    static let kyiv = TimeZone(identifier: "Europe/Kyiv")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// An RFC 3339 instant with its offset, like "2026-03-29T04:30:00+03:00".
    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    static func schedule(_ times: [String], _ zone: TimeZone, days: Set<Weekday>? = nil) -> DigestSchedule {
        DigestSchedule(times: times.map { DigestTime(parsing: $0)! }, timeZone: zone, days: days)
    }

    @Test("Kyiv, spring forward on 2026-03-29: 02:59:59 EET is followed by 04:00 EEST")
    func kyivSpringForward() {
        // 03:30 does not exist that day: it fires at 04:30 EEST, an hour after 03:30 EET would have.
        let half = Self.schedule(["03:30"], Self.kyiv)
        #expect(half.nextSlot(after: Self.at("2026-03-28T12:00:00+02:00")) == Self.at("2026-03-29T04:30:00+03:00"))
        #expect(half.nextSlot(after: Self.at("2026-03-29T04:30:00+03:00")) == Self.at("2026-03-30T03:30:00+03:00"))
        #expect(half.nextSlot(after: Self.at("2026-03-27T12:00:00+02:00")) == Self.at("2026-03-28T03:30:00+02:00"))
        #expect(half.latestSlot(atOrBefore: Self.at("2026-03-29T04:29:59+03:00")) == Self.at("2026-03-28T03:30:00+02:00"))
        #expect(half.latestSlot(atOrBefore: Self.at("2026-03-29T04:30:00+03:00")) == Self.at("2026-03-29T04:30:00+03:00"))
        // The edges of the gap: 02:59 is still EET, 03:00 is the first skipped minute, 04:00 the first EEST one.
        let edges = Self.schedule(["02:59", "03:00", "04:00"], Self.kyiv)
        #expect(edges.nextSlot(after: Self.at("2026-03-29T00:00:00+02:00")) == Self.at("2026-03-29T02:59:00+02:00"))
        #expect(edges.nextSlot(after: Self.at("2026-03-29T02:59:00+02:00")) == Self.at("2026-03-29T04:00:00+03:00"))
        #expect(edges.nextSlot(after: Self.at("2026-03-29T04:00:00+03:00")) == Self.at("2026-03-30T02:59:00+03:00"))
        #expect(Self.at("2026-03-29T02:59:59+02:00").addingTimeInterval(1) == Self.at("2026-03-29T04:00:00+03:00"))
    }

    @Test("Kyiv, fall back on 2026-10-25: 03:30 occurs twice and fires once, at the first")
    func kyivFallBack() {
        let half = Self.schedule(["03:30"], Self.kyiv)
        let first = Self.at("2026-10-25T03:30:00+03:00")
        let second = Self.at("2026-10-25T03:30:00+02:00")
        #expect(second.timeIntervalSince(first) == 3_600)
        #expect(half.nextSlot(after: Self.at("2026-10-24T12:00:00+03:00")) == first)
        #expect(half.nextSlot(after: first) == Self.at("2026-10-26T03:30:00+02:00"))
        #expect(half.latestSlot(atOrBefore: second) == first)
        #expect(half.dueSlot(lastCovered: first, now: second.addingTimeInterval(60)) == nil)
        // Times outside the repeated hour are not moved.
        let morning = Self.schedule(["07:30"], Self.kyiv)
        #expect(morning.nextSlot(after: Self.at("2026-10-24T08:00:00+03:00")) == Self.at("2026-10-25T07:30:00+02:00"))
        #expect(morning.nextSlot(after: Self.at("2026-10-24T06:00:00+03:00")) == Self.at("2026-10-24T07:30:00+03:00"))
    }

    @Test("New York, spring forward on 2026-03-08: 02:30 fires at 03:30 EDT")
    func newYorkSpringForward() {
        let schedule = Self.schedule(["02:30", "07:30"], Self.newYork)
        #expect(schedule.nextSlot(after: Self.at("2026-03-07T23:00:00-05:00")) == Self.at("2026-03-08T03:30:00-04:00"))
        #expect(schedule.nextSlot(after: Self.at("2026-03-08T03:30:00-04:00")) == Self.at("2026-03-08T07:30:00-04:00"))
        #expect(schedule.nextSlot(after: Self.at("2026-03-08T07:30:00-04:00")) == Self.at("2026-03-09T02:30:00-04:00"))
        #expect(schedule.latestSlot(atOrBefore: Self.at("2026-03-08T03:29:59-04:00")) == Self.at("2026-03-07T07:30:00-05:00"))
    }

    @Test("New York, fall back on 2026-11-01: 01:30 fires once, at 01:30 EDT")
    func newYorkFallBack() {
        let schedule = Self.schedule(["01:30"], Self.newYork)
        let first = Self.at("2026-11-01T01:30:00-04:00")
        #expect(schedule.nextSlot(after: Self.at("2026-10-31T12:00:00-04:00")) == first)
        #expect(schedule.nextSlot(after: first) == Self.at("2026-11-02T01:30:00-05:00"))
        #expect(schedule.latestSlot(atOrBefore: Self.at("2026-11-01T01:45:00-05:00")) == first)
        #expect(schedule.dueSlot(lastCovered: first, now: Self.at("2026-11-01T01:31:00-05:00")) == nil)
    }

    @Test("days: Monday to Friday, so Saturday 07:30 is no slot")
    func weekdays() {
        let schedule = Self.schedule(["07:30"], Self.kyiv, days: [.monday, .tuesday, .wednesday, .thursday, .friday])
        // 2026-11-27 is a Friday, 2026-11-28 a Saturday, 2026-11-30 a Monday.
        #expect(schedule.nextSlot(after: Self.at("2026-11-27T08:00:00+02:00")) == Self.at("2026-11-30T07:30:00+02:00"))
        #expect(schedule.latestSlot(atOrBefore: Self.at("2026-11-28T07:30:00+02:00")) == Self.at("2026-11-27T07:30:00+02:00"))
        #expect(schedule.latestSlot(atOrBefore: Self.at("2026-11-30T07:29:59+02:00")) == Self.at("2026-11-27T07:30:00+02:00"))
        #expect(schedule.dueSlot(lastCovered: Self.at("2026-11-27T07:30:00+02:00"), now: Self.at("2026-11-29T23:59:00+02:00")) == nil)
        let sundays = Self.schedule(["10:00"], Self.kyiv, days: [.sunday])
        #expect(sundays.nextSlot(after: Self.at("2026-11-29T10:00:00+02:00")) == Self.at("2026-12-06T10:00:00+02:00"))
        #expect(sundays.latestSlot(atOrBefore: Self.at("2026-12-06T09:59:00+02:00")) == Self.at("2026-11-29T10:00:00+02:00"))
    }

    @Test("catch-up: after three days down, one digest for the latest slot; nil when no slot passed")
    func catchUp() {
        let schedule = Self.schedule(["07:30"], Self.kyiv)
        let lastCovered = Self.at("2026-11-24T07:30:00+02:00")
        let now = Self.at("2026-11-27T12:00:00+02:00")
        #expect(schedule.dueSlot(lastCovered: lastCovered, now: now) == Self.at("2026-11-27T07:30:00+02:00"))
        #expect(schedule.dueSlot(lastCovered: Self.at("2026-11-27T07:30:00+02:00"), now: now) == nil)
        #expect(schedule.dueSlot(lastCovered: Self.at("2026-11-27T07:29:59+02:00"), now: Self.at("2026-11-27T07:30:00+02:00"))
                == Self.at("2026-11-27T07:30:00+02:00"))
        // Down for a month: still the latest slot only.
        #expect(schedule.dueSlot(lastCovered: Self.at("2026-10-20T07:30:00+03:00"), now: now) == Self.at("2026-11-27T07:30:00+02:00"))
    }

    @Test("two times a day, given in any order")
    func twoTimes() {
        let schedule = Self.schedule(["19:00", "07:30", "19:00"], Self.kyiv)
        #expect(schedule.times == [DigestTime(hour: 7, minute: 30), DigestTime(hour: 19, minute: 0)])
        #expect(schedule.nextSlot(after: Self.at("2026-11-27T08:00:00+02:00")) == Self.at("2026-11-27T19:00:00+02:00"))
        #expect(schedule.nextSlot(after: Self.at("2026-11-27T19:00:00+02:00")) == Self.at("2026-11-28T07:30:00+02:00"))
        #expect(schedule.latestSlot(atOrBefore: Self.at("2026-11-27T18:59:59+02:00")) == Self.at("2026-11-27T07:30:00+02:00"))
        #expect(schedule.dueSlot(lastCovered: Self.at("2026-11-26T07:30:00+02:00"), now: Self.at("2026-11-27T08:00:00+02:00"))
                == Self.at("2026-11-27T07:30:00+02:00"))
    }

    @Test("at a time no clock change touches, every day of a year is what Foundation's Gregorian calendar says")
    func agreesWithCalendar() throws {
        for (zone, year) in [(Self.kyiv, 2026), (Self.newYork, 2026), (TimeZone(identifier: "Asia/Kolkata")!, 2026), (TimeZone(identifier: "Pacific/Chatham")!, 2027)] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let schedule = DigestSchedule(times: [DigestTime(hour: 7, minute: 45)], timeZone: zone, days: nil)
            var day = try #require(calendar.date(from: DateComponents(year: year, month: 1, day: 1, hour: 12)))
            for _ in 0..<366 {
                var components = calendar.dateComponents([.year, .month, .day], from: day)
                components.hour = 7
                components.minute = 45
                let expected = try #require(calendar.date(from: components))
                let midnight = calendar.startOfDay(for: day)
                #expect(schedule.nextSlot(after: midnight) == expected, "\(zone.identifier) \(components)")
                #expect(schedule.latestSlot(atOrBefore: expected.addingTimeInterval(3_600)) == expected)
                day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
            }
        }
    }

    @Test("built from a digest: the zone is checked")
    func fromDigest() throws {
        var digest = DigestConfig(name: "morning", to: ["a@example.org"], from: "v@example.org",
                                  at: [DigestTime(hour: 7, minute: 30)], timezone: "Europe/Kyiv", days: [.monday])
        #expect(try DigestSchedule(digest) == DigestSchedule(times: [DigestTime(hour: 7, minute: 30)], timeZone: Self.kyiv, days: [.monday]))
        digest.timezone = "Europe/Atlantis"
        let error = #expect(throws: DigestScheduleError.self) { try DigestSchedule(digest) }
        #expect(error == DigestScheduleError(digest: "morning", reason: .unknownTimeZone("Europe/Atlantis")))
        #expect(error?.description == "digest \"morning\": \"Europe/Atlantis\" is not a time zone: set timezone to an IANA zone name, like \"Europe/Kyiv\"")
        digest.timezone = "Europe/Kyiv"
        digest.at = []
        #expect(throws: DigestScheduleError(digest: "morning", reason: .noTimes)) { try DigestSchedule(digest) }
    }
}
