import Testing
@testable import VisnykKit

@Suite("FeedDate: RFC 822 / 1123 / 2822 and variants")
struct FeedDateRFC822Tests {
    static let zones: [DateCase] = [
        DateCase("Wed, 23 Apr 2025 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 UT", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 UTC", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 Z", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +0000", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 -0000", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +0300", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 -0500", "2025-04-23T14:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +03:00", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 -0930", "2025-04-23T18:30:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +0545", "2025-04-23T03:15:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 EST", "2025-04-23T14:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 EDT", "2025-04-23T13:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 CST", "2025-04-23T15:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 CDT", "2025-04-23T14:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 MST", "2025-04-23T16:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 MDT", "2025-04-23T15:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 PST", "2025-04-23T17:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 PDT", "2025-04-23T16:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 BST", "2025-04-23T08:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 CET", "2025-04-23T08:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 CEST", "2025-04-23T07:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 EET", "2025-04-23T07:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 EEST", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 MSK", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 JST", "2025-04-23T00:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 AEST", "2025-04-22T23:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 gmt", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 pdt", "2025-04-23T16:00:00Z"),
        // Military letters: RFC 2822 §4.3 says to read them as -0000, i.e. UTC.
        DateCase("Wed, 23 Apr 2025 09:00:00 A", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 N", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 Y", "2025-04-23T09:00:00Z"),
        // Unknown (here: ambiguous) capitalised abbreviation: offset unknown, read as UTC.
        DateCase("Wed, 23 Apr 2025 09:00:00 IST", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +0300 (EEST)", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +0000 (UTC)", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +0300 EEST", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 GMT+0300", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 GMT-5", "2025-04-23T14:00:00Z"),
        DateCase("Thu, 01 Jan 2026 01:00:00 +0200", "2025-12-31T23:00:00Z"),
        DateCase("Wed, 31 Dec 2025 23:30:00 -0100", "2026-01-01T00:30:00Z"),
    ]

    static let shapes: [DateCase] = [
        DateCase("Wed, 23 Apr 2025 09:00 +0300", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 25 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Fri, 1 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00Z"),
        DateCase("Thu, 01 Jan 49 12:00:00 GMT", "2049-01-01T12:00:00Z"),
        DateCase("Sun, 01 Jan 50 12:00:00 GMT", "1950-01-01T12:00:00Z"),
        DateCase("Wed, 23 Apr 125 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Mon, 23 Apr 2025 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("23 Apr 2025 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wednesday, 23 April 2025 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("wed, 23 APR 2025 09:00:00 gMt", "2025-04-23T09:00:00Z"),
        DateCase("  Wed,  23   Apr  2025   09:00:00   GMT  ", "2025-04-23T09:00:00Z"),
        DateCase("Wed,23 Apr 2025 09:00:00GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wed., 23 Apr. 2025 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wed 23 Apr, 2025, 09:00:00, GMT", "2025-04-23T09:00:00Z"),
        DateCase("Thu, 3 Apr 2025 9:05:07 GMT", "2025-04-03T09:05:07Z"),
        DateCase("Tue, 23 Sept 2025 09:00:00 GMT", "2025-09-23T09:00:00Z"),
        DateCase("Tues, 23 September 2025 09:00:00 GMT", "2025-09-23T09:00:00Z"),
        DateCase("Thurs, 24 Apr 2025 09:00:00 GMT", "2025-04-24T09:00:00Z"),
        DateCase("Wed, 23-Apr-2025 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wednesday, 23-Apr-25 09:00:00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 (a (nested) comment) 09:00:00 +0100", "2025-04-23T08:00:00Z"),
        DateCase("Thu, 29 Feb 2024 23:59:59 +0000", "2024-02-29T23:59:59Z"),
        DateCase("Wed, 23 Apr 2025 09:00:60 GMT", "2025-04-23T09:00:59Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00.750 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09.00 GMT", "2025-04-23T09:00:00Z"),
        DateCase("Wed Apr 23 09:00:00 2025", "2025-04-23T09:00:00Z"),
        DateCase("Thu Apr  3 09:00:00 2025", "2025-04-03T09:00:00Z"),
        DateCase("Wed Apr 23 09:00:00 UTC 2025", "2025-04-23T09:00:00Z"),
        DateCase("Wed Apr 23 09:00:00 EEST 2025", "2025-04-23T06:00:00Z"),
    ]

    @Test("named, numeric and odd zones", arguments: zones)
    func zone(_ row: DateCase) {
        #expect(row.actual == row.expected)
    }

    @Test("spacing, punctuation, years, weekdays and names", arguments: shapes)
    func shape(_ row: DateCase) {
        #expect(row.actual == row.expected)
    }
}
