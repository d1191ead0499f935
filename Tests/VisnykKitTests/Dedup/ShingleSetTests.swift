import Testing
@testable import VisnykKit

@Suite struct ShingleSetTests {
    @Test func typographyAndCaseDoNotChangeTheShingles() {
        let plain = ShingleSet(text: "Садовий оголосив, що з'явиться новий трамвай - \"Електрон\"")
        let styled = ShingleSet(text: "САДОВИЙ  оголосив — що з’явиться Новий трамвай – «Електрон»")
        #expect(plain == styled)
        #expect(plain.count == 5)
    }

    @Test func countsThreeWordWindowsOverWordsOnly() {
        #expect(ShingleSet(text: "один, два; три! чотири").count == 2)
        #expect(ShingleSet(text: "один два").count == 0)
        #expect(ShingleSet(text: "").count == 0)
        // A repeated phrase is one shingle.
        #expect(ShingleSet(text: "раз два три раз два три").count == 3)
    }

    @Test func apostropheAndHyphenJoinAWordButNotAtItsEdges() {
        #expect(ShingleSet(text: "з'явився будь-який трамвай").count == 1)
        #expect(ShingleSet(text: "з явився будь який трамвай").count == 3)
        #expect(ShingleSet(text: "'цитата' - це слово") == ShingleSet(text: "цитата це слово"))
    }

    @Test func hashesAreTheSameInEveryRun() {
        // Fixed values: a hash seeded per process (Swift's Hasher) would change them every run.
        #expect(ShingleSet(text: "Львівський міський голова").hashes == [ShingleSetTests.goldenHash])
    }
    static let goldenHash: UInt32 = 661_316_457

    @Test func jaccardAndIntersection() {
        let first = ShingleSet(hashes: [1, 2, 3, 4])
        let second = ShingleSet(hashes: [3, 4, 5, 6, 7, 8])
        #expect(first.intersectionCount(second) == 2)
        #expect(first.jaccard(second) == 0.25)
        #expect(first.jaccard(first) == 1)
        #expect(ShingleSet(hashes: []).jaccard(ShingleSet(hashes: [])) == 0)
    }
}
