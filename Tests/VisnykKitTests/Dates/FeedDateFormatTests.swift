import Foundation
import Testing
@testable import VisnykKit

@Suite("FeedDate.format")
struct FeedDateFormatTests {
    @Test func knownInstants() {
        #expect(FeedDate.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: 1_745_398_800)) == "2025-04-23T09:00:00Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: 1_745_398_800.999)) == "2025-04-23T09:00:00Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test func clampsWhatFourDigitYearsCannotShow() {
        #expect(FeedDate.format(Date(timeIntervalSince1970: 1e20)) == "9999-12-31T23:59:59Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: -1e20)) == "0001-01-01T00:00:00Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: .infinity)) == "9999-12-31T23:59:59Z")
        #expect(FeedDate.format(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    }

    /// Cross-checks the integer calendar arithmetic against Foundation over years 1–9999.
    @Test func agreesWithFoundation() {
        let reference = ISO8601DateFormatter()
        reference.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let seconds = Int.random(in: -62_135_596_800...253_402_300_799, using: &generator)
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            // Foundation's ISO 8601 formatter switches to the Julian calendar before 1582.
            guard seconds > -12_219_292_800 else { continue }
            #expect(FeedDate.format(date) == reference.string(from: date))
        }
    }

    @Test func roundTripsEveryWholeSecond() {
        var generator = SystemRandomNumberGenerator()
        let samples = (0..<5000).map { _ in Int.random(in: -62_135_596_800...253_402_300_799, using: &generator) }
            + [0, -1, 1, 951_782_400, 253_402_300_799, -62_135_596_800]
        for seconds in samples {
            let text = FeedDate.format(Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(FeedDate.parse(text)?.timeIntervalSince1970 == TimeInterval(seconds), "\(text)")
        }
    }

    /// Writes random instants as RFC 2822 dates with random offsets and reads them back.
    @Test func rfc2822WithOffsetsRoundTrips() {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let seconds = Int.random(in: 0...4_102_444_800, using: &generator)
            let offsetMinutes = Int.random(in: -12 * 60...14 * 60, using: &generator)
            let local = Date(timeIntervalSince1970: TimeInterval(seconds + offsetMinutes * 60))
            let iso = Array(FeedDate.format(local).utf8)
            func field(_ range: Range<Int>) -> String { String(decoding: iso[range], as: UTF8.self) }
            let month = months[Int(field(5..<7))! - 1]
            let sign = offsetMinutes < 0 ? "-" : "+"
            let zone = sign + String(format: "%02d%02d", abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
            let text = "Mon, \(field(8..<10)) \(month) \(field(0..<4)) \(field(11..<19)) \(zone)"
            #expect(FeedDate.parse(text)?.timeIntervalSince1970 == TimeInterval(seconds), "\(text)")
        }
    }

    @Test func keepsFractionalSeconds() throws {
        let date = try #require(FeedDate.parse("2025-04-23T09:00:00.25Z"))
        #expect(date.timeIntervalSince1970 == 1_745_398_800.25)
    }
}
