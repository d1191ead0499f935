/// The 3-word shingles of a text after `TextNormalizer` (so typography, case and NFKC variants
/// do not matter), each hashed to 32 bits, sorted and unique: what two texts are compared on.
///
/// Words are runs of letters and digits; an apostrophe or hyphen inside a word belongs to it
/// ("з'явився", "будь-який"), every other character separates words. The hashes are FNV-1a
/// and a fixed mixer, the same in every run and on every machine (Swift's `Hasher` is seeded
/// per process and could not be persisted or compared across runs).
public struct ShingleSet: Sendable, Equatable {
    public static let wordsPerShingle = 3

    /// Sorted ascending, no repeats. 32 bits suffice: two sets of a few hundred shingles share
    /// a hash by chance with a probability near 10⁻⁵, which moves a similarity by under 1%.
    public let hashes: [UInt32]

    public var count: Int { hashes.count }

    public init(text: String) {
        self.init(normalized: TextNormalizer.normalize(text))
    }

    /// From text already through `TextNormalizer.normalize`. Fewer than three words make no
    /// shingle: the set is empty.
    public init(normalized: String) {
        var hashes: [UInt32] = []
        var recent: (UInt64, UInt64) = (0, 0)
        var wordsSeen = 0
        var word = Self.fnvOffset
        var wordLength = 0
        var pendingJoiner = false
        func endWord() {
            guard wordLength > 0 else { return }
            wordsSeen += 1
            if wordsSeen >= Self.wordsPerShingle {
                hashes.append(Self.shingleHash(recent.0, recent.1, word))
            }
            recent = (recent.1, word)
            word = Self.fnvOffset
            wordLength = 0
        }
        for scalar in normalized.unicodeScalars {
            if Self.isWordScalar(scalar) {
                if pendingJoiner { word = Self.fnv(word, 0x2D) }
                pendingJoiner = false
                word = Self.fnv(word, scalar.value)
                wordLength += 1
            } else if wordLength > 0, !pendingJoiner, scalar == "'" || scalar == "-" {
                pendingJoiner = true
            } else {
                pendingJoiner = false
                endWord()
            }
        }
        endWord()
        hashes.sort()
        var unique = 0
        for hash in hashes where unique == 0 || hashes[unique - 1] != hash {
            hashes[unique] = hash
            unique += 1
        }
        hashes.removeLast(hashes.count - unique)
        self.hashes = hashes
    }

    init(hashes: [UInt32]) { self.hashes = hashes }

    /// |A ∩ B| by a merge of the two sorted arrays.
    public func intersectionCount(_ other: ShingleSet) -> Int {
        var (i, j, shared) = (0, 0, 0)
        let (a, b) = (hashes, other.hashes)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// |A ∩ B| / |A ∪ B|; 0 when both are empty.
    public func jaccard(_ other: ShingleSet) -> Double {
        let shared = intersectionCount(other)
        let union = count + other.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func fnv(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func shingleHash(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt32 {
        let combined = first &* 0x9E37_79B9_7F4A_7C15 ^ second &* 0xC2B2_AE3D_27D4_EB4F ^ third
        return UInt32(truncatingIfNeeded: mix(combined) >> 32)
    }

    /// SplitMix64's finalizer: every input bit reaches every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A, 0x430...0x45F: return true  // folded text: lower case only
        case 0...0x7F: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}
