import Foundation
import Testing
@testable import VisnykKit

/// skipHours/skipDays, failure backoff, Retry-After and the start-up spread.
@Suite struct PollPolicyScheduleTests {
    let policy = PollPolicy(interval: .seconds(1800), minInterval: .seconds(300), maxBackoff: .seconds(86_400))
    /// Wednesday 2026-11-25 10:00:00 UTC.
    let now = Date(timeIntervalSince1970: 1_795_600_800)
    let hour = 3600.0

    func next(_ hints: FeedPollHints, seed: UInt64 = 7) -> Date {
        var random = SeededRandom(seed: seed)
        return policy.nextPoll(after: now, hints: hints, responseHeaders: [], random: &random)
    }

    func utc(_ date: Date) -> (weekday: Int, hour: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return (calendar.component(.weekday, from: date), calendar.component(.hour, from: date))
    }

    @Test func skippedHoursMoveToTheNextAllowedHour() {
        // Due at 10:30; hours 10-13 are skipped: 14:00 plus a little jitter.
        let due = next(FeedPollHints(skipHours: [10, 11, 12, 13]))
        #expect(due >= now + 4 * hour && due <= now + 4 * hour + 30)
        #expect(utc(due).hour == 14)
    }

    @Test func skippedHoursWrapPastMidnight() {
        let due = next(FeedPollHints(skipHours: Set(10...23)))
        #expect(utc(due).hour == 0)
        #expect(utc(due).weekday == 5)   // Thursday
    }

    @Test func allowedHourStaysAsItIs() {
        let due = next(FeedPollHints(skipHours: [3, 4]))
        #expect(due.timeIntervalSince(now) >= 1800 && due.timeIntervalSince(now) <= 1830)
    }

    @Test func skippedDaysMoveToMidnightOfTheNextAllowedDay() {
        // Wednesday (4) and Thursday (5) skipped: Friday 00:00.
        let due = next(FeedPollHints(skipDays: [4, 5]))
        #expect(utc(due).weekday == 6 && utc(due).hour == 0)
        #expect(due >= now + 38 * hour && due <= now + 38 * hour + 30)
    }

    @Test func skipDaysAndHoursTogether() {
        let due = next(FeedPollHints(skipHours: [0, 1, 2], skipDays: [4, 5]))
        #expect(utc(due).weekday == 6 && utc(due).hour == 3)
    }

    @Test func skippingEverythingIsIgnored() {
        let hours = next(FeedPollHints(skipHours: Set(0...23)))
        #expect(hours.timeIntervalSince(now) <= 1830)
        let days = next(FeedPollHints(skipHours: [10], skipDays: Set(1...7)))
        #expect(utc(days).hour == 11)
    }

    func failureDelay(_ failures: Int, retryAfter: Duration? = nil, seed: UInt64 = 3,
                      policy: PollPolicy? = nil) -> Double {
        var random = SeededRandom(seed: seed)
        return (policy ?? self.policy).nextPollAfterFailure(now: now, consecutiveFailures: failures,
                                                            retryAfter: retryAfter, random: &random)
            .timeIntervalSince(now)
    }

    @Test func backoffDoublesWithJitterInTheUpperHalf() {
        for failures in 1...6 {
            let step = 1800 * pow(2, Double(failures - 1))
            let delays = (0..<100).map { failureDelay(failures, seed: $0) }
            #expect(delays.allSatisfy { $0 >= max(step / 2, 300) && $0 <= step }, "failures \(failures)")
            #expect(Set(delays.map { Int($0) }).count > 50)
        }
    }

    @Test func backoffIsCappedAndSurvivesHugeCounts() {
        for failures in [7, 20, 63, 64, 1000, Int.max] {
            let d = failureDelay(failures)
            #expect(d >= 43_200 && d <= 86_400, "failures \(failures)")
        }
    }

    @Test func backoffNeverBelowMinimumEvenWithTinyCap() {
        let odd = PollPolicy(interval: .seconds(60), minInterval: .seconds(300), maxBackoff: .seconds(120))
        for seed: UInt64 in 0..<50 {
            #expect(failureDelay(1, seed: seed, policy: odd) >= 300)
            #expect(failureDelay(9, seed: seed, policy: odd) == 300)
        }
        #expect(failureDelay(0) >= 900 && failureDelay(0) <= 1800)
    }

    @Test func retryAfterWinsWhenLonger() {
        let d = failureDelay(1, retryAfter: .seconds(7200))
        #expect(d >= 7200 && d <= 7230)
        // Shorter than the backoff: the backoff stands.
        let shorter = failureDelay(3, retryAfter: .seconds(60))
        #expect(shorter >= 3600 && shorter <= 7200)
    }

    @Test func retryAfterIsClampedToMaxBackoff() {
        let d = failureDelay(1, retryAfter: .seconds(30 * 86_400))
        #expect(d >= 86_400 && d <= 86_430)
    }

    @Test func overdueSourcesSpreadEvenlyInNameOrder() {
        let names = ["delta", "alpha", "charlie", "bravo", "alpha"]
        let times = PollPolicy.spreadOverdue(names, now: now, window: .seconds(600))
        #expect(times.count == 4)
        #expect(times["alpha"] == now)
        #expect(times["bravo"] == now + 150)
        #expect(times["charlie"] == now + 300)
        #expect(times["delta"] == now + 450)
        // Stable across restarts: the order of the input does not matter.
        #expect(PollPolicy.spreadOverdue(names.reversed(), now: now, window: .seconds(600)) == times)
    }

    @Test func spreadEdgeCases() {
        #expect(PollPolicy.spreadOverdue([], now: now, window: .seconds(60)).isEmpty)
        #expect(PollPolicy.spreadOverdue(["a", "b"], now: now, window: .zero) == ["a": now, "b": now])
        #expect(PollPolicy.spreadOverdue(["a", "b"], now: now, window: .seconds(-5)) == ["a": now, "b": now])
    }
}
