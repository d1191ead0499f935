import Testing
@testable import VisnykKit

@Suite("FeedDate: what it refuses")
struct FeedDateRejectionTests {
    static let unparseable = [
        "", "   ", "\u{A0}", "not a date", "yesterday", "now", "0", "-", "+0300", "09:00:00",
        "Apr 23", "23 Apr", "123456789012", "1999 12:00", "2025-04T09:00", "2025-04-23T09:00:00 whatever",
        "2025-04-23T09:00:00Zjunk", "Wed, 23 Foo 2025 09:00:00 GMT",
        "Wed, 23 Apr 2025 09:00:00 Updated", "Wed, 23 Apr 2025 09:00:00 +0300 +0400",
        "Wed, 23 Apr 2025 09:00:00 # GMT", "Apr Apr 23 2025", "23 Apr 2025 2026",
        "Wed, 23 Apr 2025 09:00:00 +2500", "2025-04-23T09:00:00+24:00",
        "April 23, 2025 13:00 AM", "PM April 23, 2025", "23 квітня", "23 чогось 2025",
    ]

    static let outOfRangeTexts = [
        "2025-13-01", "2025-00-10", "2025-04-32", "2025-04-00", "2025-02-29", "1900-02-29",
        "2025-04-31T09:00:00Z", "2025-04-23T25:00:00Z", "2025-04-23T09:60:00Z",
        "2025-04-23T09:00:61Z", "2025-04-23T24:00:01Z", "2025-366", "2025-000", "2025-W53-1",
        "2025-W17-8", "20251323T000000Z",
        "Wed, 32 Apr 2025 09:00:00 GMT", "Wed, 31 Apr 2025 09:00:00 GMT",
        "Wed, 23 Apr 2025 25:00:00 GMT", "Wed, 23 Apr 2025 09:60:00 GMT",
        "Wed, 23 Apr 2025 09:00:61 GMT", "13/13/2025", "23.13.2025", "0/10/2025",
        "Sat, 29 Feb 2025 09:00:00 GMT",
    ]

    @Test("text that is not a date gives nil", arguments: unparseable)
    func garbage(_ text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test("out-of-range fields give nil", arguments: outOfRangeTexts)
    func outOfRangeFields(_ text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}
