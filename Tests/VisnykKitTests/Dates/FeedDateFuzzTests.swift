import Foundation
import Testing
@testable import VisnykKit

@Suite("FeedDate: never crashes")
struct FeedDateFuzzTests {
    static let seeds = [
        "Wed, 23 Apr 2025 09:00:00 +0300 (EEST)", "2025-04-23T09:00:00.123+03:00",
        "April 23, 2025 9:00 a.m. EDT", "23 квітня 2025 р. о 09:00", "20250423T090000Z",
        "2025-W17-3", "04/23/2025 09:00", "Wed Apr 23 2025 09:00:00 GMT+0300 (EEST)",
    ]
    static let alphabet = Array("0123456789:+-.,/ ()[]TZtzAPMapmWGMTUESTapr квітня\\'\u{A0}\u{202F}é".unicodeScalars)

    @Test func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30_000 {
            let count = Int.random(in: 0...48, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomDateLikeText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30_000 {
            let count = Int.random(in: 0...40, using: &generator)
            var text = String.UnicodeScalarView()
            for _ in 0..<count { text.append(Self.alphabet.randomElement(using: &generator)!) }
            check(String(text))
        }
    }

    @Test func mutatedRealDates() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30_000 {
            var scalars = Array(Self.seeds.randomElement(using: &generator)!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !scalars.isEmpty {
                let position = Int.random(in: 0..<scalars.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: scalars.remove(at: position)
                case 1: scalars.insert(Self.alphabet.randomElement(using: &generator)!, at: position)
                default: scalars[position] = Self.alphabet.randomElement(using: &generator)!
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            check(String(view))
        }
    }

    @Test func hugeAndDeeplyNestedInput() {
        check(String(repeating: "(", count: 100_000))
        check("Wed, 23 Apr 2025 " + String(repeating: "9", count: 5000))
        check(String(repeating: "23 Apr 2025 ", count: 10_000))
        #expect(FeedDate.parse("Wed, 23 Apr 2025 09:00:00 GMT (" + String(repeating: "(", count: 500)) != nil)
    }

    private func check(_ text: String) {
        guard let date = FeedDate.parse(text) else { return }
        #expect(date.timeIntervalSince1970.isFinite, "\(text.debugDescription)")
        #expect(FeedDate.format(date).utf8.count == 20, "\(text.debugDescription)")
    }
}
