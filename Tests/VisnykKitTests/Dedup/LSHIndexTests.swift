import Testing
@testable import VisnykKit

@Suite struct LSHIndexTests {
    @Test func findsArticlesSharingAnyBand() {
        var index = LSHIndex(bands: 3, rows: 2)
        let first = index.insert([10, 20, 30])
        let second = index.insert([11, 20, 31])
        index.insert([12, 21, 32])
        #expect(index.candidates([10, 99, 98]) == [first])
        #expect(index.candidates([97, 20, 98]) == [first, second])
        #expect(index.candidates([97, 99, 98]) == [])
        // The same key in another band is another bucket.
        #expect(index.candidates([20, 99, 98]) == [])
    }

    @Test func evictedArticlesAreNotFound() {
        var index = LSHIndex(bands: 2, rows: 2)
        let old = index.insert([1, 2])
        let young = index.insert([1, 3])
        index.evict(before: young)
        #expect(index.candidates([1, 2]) == [young])
        #expect(index.liveCount == 1)
        #expect(old == 0)
    }

    /// Many inserts and evictions (through growth and compaction) against a plain scan, with
    /// a key space small enough that buckets collide in the heads table.
    @Test func agreesWithAScanThroughGrowthAndEviction() {
        var random = SeededRandom(seed: 42)
        var index = LSHIndex(bands: 4, rows: 2, bucketLimit: 10_000)
        var all: [[UInt32]] = []
        var firstLive = 0
        for step in 0..<20_000 {
            let keys = (0..<4).map { _ in UInt32.random(in: 0..<5_000, using: &random) }
            #expect(index.insert(keys) == all.count)
            all.append(keys)
            if step % 7 == 0 {
                firstLive = max(firstLive, all.count - 3_000)
                index.evict(before: firstLive)
            }
            if step % 997 == 0 {
                let query = (0..<4).map { _ in UInt32.random(in: 0..<5_000, using: &random) }
                let expected = (firstLive..<all.count).filter { serial in
                    (0..<4).contains { all[serial][$0] == query[$0] }
                }
                #expect(index.candidates(query) == expected)
            }
        }
    }

    @Test func aCrowdedBucketGivesItsNewestArticles() {
        var index = LSHIndex(bands: 1, rows: 2, bucketLimit: 3)
        for _ in 0..<10 { index.insert([5]) }
        #expect(index.candidates([5]) == [7, 8, 9])
    }
}
