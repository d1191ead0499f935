import Foundation
import Testing
@testable import VisnykKit

@Suite("Retry-After: delay-seconds or HTTP-date, clamped")
struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_772_445_600)  // Mon, 02 Mar 2026 10:00:00 GMT

    @Test(arguments: [
        ("120", 120), (" 5 ", 5), ("0", 0), ("86400", 86_400), ("86401", 86_400),
        ("99999999999999999999999", 86_400),
        ("Mon, 02 Mar 2026 10:30:00 GMT", 1800), ("Monday, 02-Mar-26 11:00:00 GMT", 3600),
        ("Mon, 02 Mar 2026 09:00:00 GMT", 0), ("Tue, 03 Mar 2026 12:00:00 GMT", 86_400),
    ])
    func readsSecondsAndDates(value: String, seconds: Int64) {
        #expect(RetryAfter.parse(value, now: Self.now) == .seconds(seconds))
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "12 s"])
    func unreadableValuesAreNil(value: String) {
        #expect(RetryAfter.parse(value, now: Self.now) == nil)
    }
}
