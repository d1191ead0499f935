import Testing
@testable import VisnykKit

@Suite("FeedDate: broken and hand-made forms seen in feeds")
struct FeedDateLooseFormTests {
    static let cases: [DateCase] = [
        DateCase("2025-04-23 09:00:00", "2025-04-23T09:00:00Z"),
        DateCase("2025-04-23 09:00:00 +0300", "2025-04-23T06:00:00Z"),
        DateCase("2025-04-23 09:00:00 UTC", "2025-04-23T09:00:00Z"),
        DateCase("2025-04-23 09:00", "2025-04-23T09:00:00Z"),
        DateCase("2025-04-23T09:00:00 +03:00", "2025-04-23T06:00:00Z"),
        DateCase("2025-04-23T09:00:00+03:00 (EEST)", "2025-04-23T06:00:00Z"),
        DateCase("2025-04-23T09:00:00+03:00[Europe/Kyiv]", "2025-04-23T06:00:00Z"),
        DateCase("2025/04/23 09:00:00", "2025-04-23T09:00:00Z"),
        DateCase("2025.04.23", "2025-04-23T00:00:00Z"),
        DateCase("23 Apr 2025", "2025-04-23T00:00:00Z"),
        DateCase("April 2025", "2025-04-01T00:00:00Z"),
        DateCase("April 23, 2025", "2025-04-23T00:00:00Z"),
        DateCase("April 23rd, 2025", "2025-04-23T00:00:00Z"),
        DateCase("1st May 2025", "2025-05-01T00:00:00Z"),
        DateCase("the 2nd of May 2025", "2025-05-02T00:00:00Z"),
        DateCase("April 23, 2025 9:00 AM", "2025-04-23T09:00:00Z"),
        DateCase("April 23, 2025 9:00 PM", "2025-04-23T21:00:00Z"),
        DateCase("April 23, 2025 12:30 AM", "2025-04-23T00:30:00Z"),
        DateCase("April 23, 2025 12:30 PM", "2025-04-23T12:30:00Z"),
        DateCase("April 23, 2025 9:00pm", "2025-04-23T21:00:00Z"),
        DateCase("Wednesday, April 23, 2025 at 9:00 a.m. EDT", "2025-04-23T13:00:00Z"),
        DateCase("9:15 p.m., April 23, 2025", "2025-04-23T21:15:00Z"),
        DateCase("Apr 23 2025 9 PM", "2025-04-23T21:00:00Z"),
        DateCase("Apr\u{A0}23,\u{A0}2025, 9:00\u{202F}AM", "2025-04-23T09:00:00Z"),
        DateCase("Apr 23 2025 09:00:00 GMT+0300", "2025-04-23T06:00:00Z"),
        DateCase("Wed Apr 23 2025 09:00:00 GMT+0300 (Eastern European Summer Time)", "2025-04-23T06:00:00Z"),
        DateCase("Wed, 23 Apr 2025 09:00:00 +0000 GMT", "2025-04-23T09:00:00Z"),
        // Slashes: US month/day/year unless the first number cannot be a month.
        DateCase("04/23/2025 09:00", "2025-04-23T09:00:00Z"),
        DateCase("04/05/2025", "2025-04-05T00:00:00Z"),
        DateCase("23/04/2025 09:00", "2025-04-23T09:00:00Z"),
        DateCase("4/5/25", "2025-04-05T00:00:00Z"),
        // Dots and dashes: day.month.year, as in Ukraine and most of Europe.
        DateCase("23.04.2025 09:00", "2025-04-23T09:00:00Z"),
        DateCase("23.04.2025, 09:00", "2025-04-23T09:00:00Z"),
        DateCase("05.04.2025", "2025-04-05T00:00:00Z"),
        DateCase("04.23.2025", "2025-04-23T00:00:00Z"),
        DateCase("23.04.25 9:00", "2025-04-23T09:00:00Z"),
        DateCase("23-04-2025 09:00", "2025-04-23T09:00:00Z"),
        DateCase("09:00 23-04-2025", "2025-04-23T09:00:00Z"),
        DateCase("23.04.2025 | 09:00", "2025-04-23T09:00:00Z"),
        DateCase("Apr 23, 2025 @ 9:00 pm", "2025-04-23T21:00:00Z"),
        DateCase("\u{FEFF}2025-04-23T09:00:00Z", "2025-04-23T09:00:00Z"),
        // Ukrainian and Russian month names.
        DateCase("23 квітня 2025", "2025-04-23T00:00:00Z"),
        DateCase("23 квітня 2025 р., 09:00", "2025-04-23T09:00:00Z"),
        DateCase("Середа, 23 Квітня 2025 о 09:00", "2025-04-23T09:00:00Z"),
        DateCase("П'ятниця, 25 КВІТНЯ 2025", "2025-04-25T00:00:00Z"),
        DateCase("23 листопада 2024", "2024-11-23T00:00:00Z"),
        DateCase("23 квiтня 2025", "2025-04-23T00:00:00Z"),
        DateCase("09:00, 23 квітня 2025", "2025-04-23T09:00:00Z"),
        DateCase("1 січня 2025 09:30 +0200", "2025-01-01T07:30:00Z"),
        DateCase("23 апреля 2025 09:00", "2025-04-23T09:00:00Z"),
        DateCase("1 мая 2025 г.", "2025-05-01T00:00:00Z"),
        DateCase("Четверг, 4 Сентября 2025", "2025-09-04T00:00:00Z"),
    ]

    @Test("loose forms", arguments: cases)
    func loose(_ row: DateCase) {
        #expect(row.actual == row.expected)
    }
}
