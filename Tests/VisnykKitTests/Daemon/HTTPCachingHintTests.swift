import Foundation
import Testing
@testable import VisnykKit

@Suite struct HTTPCachingHintTests {
    let now = Date(timeIntervalSince1970: 1_795_600_800)   // Wed, 25 Nov 2026 10:00:00 GMT

    func freshness(_ headers: [(name: String, value: String)]) -> Duration? {
        HTTPCachingHint.freshness(headers, now: now)
    }

    @Test func maxAgeForms() {
        #expect(freshness([("Cache-Control", "max-age=600")]) == .seconds(600))
        #expect(freshness([("CACHE-CONTROL", "public,MAX-AGE = 600")]) == .seconds(600))
        #expect(freshness([("cache-control", "public, max-age=\"900\", must-revalidate")]) == .seconds(900))
        #expect(freshness([("Cache-Control", "s-maxage=600")]) == nil)
        #expect(freshness([("Cache-Control", "max-age=abc")]) == nil)
        #expect(freshness([("Cache-Control", "max-age=-5")]) == nil)
        #expect(freshness([("Cache-Control", "max-age=99999999999999999999999")]) == .seconds(366 * 86_400))
        #expect(freshness([("Cache-Control", "max-age=0")]) == .seconds(0))
    }

    @Test func noCacheAndNoStoreGiveNoHint() {
        #expect(freshness([("Cache-Control", "max-age=600, no-cache")]) == nil)
        #expect(freshness([("Cache-Control", "no-store"), ("Expires", "Wed, 25 Nov 2026 14:00:00 GMT")]) == nil)
        #expect(freshness([("Cache-Control", "private, max-age=600")]) == .seconds(600))
    }

    @Test func maxAgeOverridesExpires() {
        let headers = [("Cache-Control", "max-age=60"), ("Expires", "Wed, 25 Nov 2026 14:00:00 GMT")]
        #expect(freshness(headers) == .seconds(60))
    }

    @Test func expiresAgainstDateOrNow() {
        #expect(freshness([("Date", "Wed, 25 Nov 2026 09:00:00 GMT"),
                           ("Expires", "Wed, 25 Nov 2026 10:00:00 GMT")]) == .seconds(3600))
        #expect(freshness([("Expires", "Wed, 25 Nov 2026 12:30:00 GMT")]) == .seconds(9000))
        // RFC 850 and asctime forms are HTTP-dates too.
        #expect(freshness([("Expires", "Wednesday, 25-Nov-26 11:00:00 GMT")]) == .seconds(3600))
        #expect(freshness([("Expires", "Wed Nov 25 11:00:00 2026")]) == .seconds(3600))
    }

    @Test(arguments: ["=", "==", ",", "max-age", "max-age=", "=600", " , = ,max-age==1", "\u{0}"])
    func malformedCacheControlIsNoHint(value: String) {
        #expect(freshness([("Cache-Control", value)]) == nil)
    }

    @Test func invalidOrPastExpiresGivesNoHint() {
        #expect(freshness([("Expires", "0")]) == nil)
        #expect(freshness([("Expires", "-1")]) == nil)
        #expect(freshness([("Expires", "Wed, 25 Nov 2026 09:00:00 GMT")]) == nil)
        #expect(freshness([("Expires", String(repeating: "9", count: 5000))]) == nil)
        #expect(freshness([]) == nil)
    }
}
