import Testing
@testable import VisnykKit

@Suite struct MinHashSignatureTests {
    /// Two sets of 300 hashes sharing `shared` of them.
    static func sets(shared: Int, seed: UInt64) -> (ShingleSet, ShingleSet) {
        var random = SeededRandom(seed: seed)
        let pool = (0..<(600 - shared)).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) }
        let first = Array(pool[0..<300]).sorted()
        let second = (Array(pool[0..<shared]) + Array(pool[300...])).sorted()
        return (ShingleSet(hashes: first), ShingleSet(hashes: second))
    }

    @Test(arguments: [0, 60, 150, 300])
    func agreementEstimatesJaccard(shared: Int) {
        let functions = MinHashFunctions(count: 400)
        let (first, second) = Self.sets(shared: shared, seed: UInt64(shared) + 7)
        let exact = first.jaccard(second)
        let a = MinHashSignature(first, functions: functions).values
        let b = MinHashSignature(second, functions: functions).values
        let estimate = Double(zip(a, b).filter { $0 == $1 }.count) / Double(a.count)
        // 400 functions: the standard error is at most 0.025; 0.08 is over three of them.
        #expect(abs(estimate - exact) < 0.08, "exact \(exact), estimate \(estimate)")
    }

    @Test func functionsDependOnlyOnCountAndSeed() {
        #expect(MinHashFunctions(count: 8) == MinHashFunctions(count: 8))
        #expect(MinHashFunctions(count: 8) != MinHashFunctions(count: 8, seed: 1))
        let set = ShingleSet(text: "один два три чотири п'ять")
        #expect(MinHashSignature(set, functions: MinHashFunctions(count: 4)).values.count == 4)
    }
}
