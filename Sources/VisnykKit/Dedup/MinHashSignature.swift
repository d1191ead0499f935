/// A MinHash signature: for each of `count` hash functions, the least hash of any shingle.
/// Two signatures agree at one position with probability equal to the Jaccard similarity of
/// the two shingle sets, which is what lets `LSHIndex` find similar sets without comparing all.
///
/// The functions are multiply-shift hashes h(x) = (a·x + b) >> 32 over the shingle's 32-bit hash
/// mixed to 64 bits, with odd multipliers drawn by SplitMix64 from a fixed seed: the same
/// signatures in every run, so an index can be rebuilt or compared across restarts.
public struct MinHashSignature: Sendable, Equatable {
    public let values: [UInt32]

    public init(_ shingles: ShingleSet, functions: MinHashFunctions) {
        var values = [UInt32](repeating: .max, count: functions.count)
        functions.multipliers.withUnsafeBufferPointer { multipliers in
            functions.offsets.withUnsafeBufferPointer { offsets in
                values.withUnsafeMutableBufferPointer { values in
                    for shingle in shingles.hashes {
                        let x = ShingleSet.mix(UInt64(shingle))
                        for index in 0..<values.count {
                            let hash = UInt32(truncatingIfNeeded: (x &* multipliers[index] &+ offsets[index]) >> 32)
                            if hash < values[index] { values[index] = hash }
                        }
                    }
                }
            }
        }
        self.values = values
    }
}

/// The hash functions of a signature: fixed by their count and seed.
public struct MinHashFunctions: Sendable, Equatable {
    public static let defaultSeed: UInt64 = 0x5649_534E_594B_0001

    let multipliers: [UInt64]
    let offsets: [UInt64]

    public var count: Int { multipliers.count }

    public init(count: Int, seed: UInt64 = defaultSeed) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return ShingleSet.mix(state)
        }
        var multipliers: [UInt64] = []
        var offsets: [UInt64] = []
        for _ in 0..<count {
            multipliers.append(next() | 1)
            offsets.append(next())
        }
        self.multipliers = multipliers
        self.offsets = offsets
    }
}
