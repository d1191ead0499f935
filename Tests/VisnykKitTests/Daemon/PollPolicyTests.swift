import Foundation
import Testing
@testable import VisnykKit

@Suite struct PollPolicyTests {
    let policy = PollPolicy(interval: .seconds(1800), minInterval: .seconds(300), maxBackoff: .seconds(86_400))
    /// Wednesday 2026-11-25 10:00:00 UTC.
    let now = Date(timeIntervalSince1970: 1_795_600_800)

    func delay(hints: FeedPollHints = FeedPollHints(), headers: [(name: String, value: String)] = [],
               policy: PollPolicy? = nil, seed: UInt64 = 1) -> Double {
        var random = SeededRandom(seed: seed)
        return (policy ?? self.policy).nextPoll(after: now, hints: hints, responseHeaders: headers, random: &random)
            .timeIntervalSince(now)
    }

    @Test func configuredIntervalPlusSmallJitter() {
        let delays = (0..<200).map { delay(seed: $0) }
        #expect(delays.allSatisfy { $0 >= 1800 && $0 <= 1830 })
        // The jitter really varies: sources do not align.
        #expect(Set(delays.map { Int($0) }).count > 10)
    }

    @Test func jitterIsFivePercentWhenThatIsLessThanThirtySeconds() {
        let short = PollPolicy(interval: .seconds(300), minInterval: .seconds(300), maxBackoff: .seconds(86_400))
        let delays = (0..<200).map { delay(policy: short, seed: $0) }
        #expect(delays.allSatisfy { $0 >= 300 && $0 <= 315 })
        #expect(delays.contains { $0 > 305 })
    }

    @Test func sameSeedSameSchedule() {
        #expect(delay(seed: 42) == delay(seed: 42))
        #expect(delay(seed: 42) != delay(seed: 43))
    }

    @Test func neverBelowMinimumInterval() {
        let eager = PollPolicy(interval: .seconds(10), minInterval: .seconds(300), maxBackoff: .seconds(86_400))
        #expect(delay(policy: eager) >= 300)
        #expect(delay(headers: [("Cache-Control", "max-age=5")], policy: eager) >= 300)
    }

    @Test func feedHintsLengthenButNeverShorten() {
        #expect(delay(hints: FeedPollHints(ttl: .seconds(7200))) >= 7200)
        #expect(delay(hints: FeedPollHints(ttl: .seconds(7200))) <= 7230)
        #expect(delay(hints: FeedPollHints(updatePeriod: .seconds(3 * 3600))) >= 3 * 3600)
        #expect(delay(hints: FeedPollHints(ttl: .seconds(60), updatePeriod: .seconds(600))) <= 1830)
    }

    @Test func longestHintWins() {
        let hints = FeedPollHints(ttl: .seconds(7200), updatePeriod: .seconds(3600))
        let d = delay(hints: hints, headers: [("cache-control", "public, max-age=10800")])
        #expect(d >= 10800 && d <= 10830)
    }

    @Test func hintsAreCappedAtMaxHint() {
        let weekly = FeedPollHints(updatePeriod: .seconds(7 * 86_400))
        let d = delay(hints: weekly)
        #expect(d >= 86_400 && d <= 86_430)
        let tight = PollPolicy(interval: .seconds(1800), minInterval: .seconds(300), maxBackoff: .seconds(86_400),
                               maxHint: .seconds(3600))
        let t = delay(hints: weekly, policy: tight)
        #expect(t >= 3600 && t <= 3630)
    }

    @Test func configuredIntervalLongerThanMaxHintStays() {
        let slow = PollPolicy(interval: .seconds(2 * 86_400), minInterval: .seconds(300), maxBackoff: .seconds(86_400))
        #expect(delay(hints: FeedPollHints(ttl: .seconds(3 * 86_400)), policy: slow) >= 2 * 86_400)
    }

    @Test func cacheControlMaxAgeAndExpires() {
        let maxAge = delay(headers: [("Cache-Control", "max-age=43200")])
        #expect(maxAge >= 43200 && maxAge <= 43230)
        let expires = delay(headers: [("Date", "Wed, 25 Nov 2026 10:00:00 GMT"),
                                      ("Expires", "Wed, 25 Nov 2026 14:00:00 GMT")])
        #expect(expires >= 4 * 3600 && expires <= 4 * 3600 + 30)
        let noCache = delay(headers: [("Cache-Control", "no-cache, max-age=43200")])
        #expect(noCache <= 1830)
    }
}
