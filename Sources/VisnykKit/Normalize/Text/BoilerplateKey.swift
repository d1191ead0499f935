/// Stable 64-bit keys (FNV-1a) of what the learner counts, so that its window stores hashes
/// instead of strings. Persisted: the function and the tags must never change. Prefix keys
/// are even and heading keys odd, so that a candidate's kind is known from its key alone.
enum BoilerplateKey {
    static func line(_ normalized: String) -> UInt64 { hash(tag: 1, normalized) }
    static func prefix(_ normalized: String) -> UInt64 { hash(tag: 2, normalized) & ~1 }
    static func heading(_ normalized: String) -> UInt64 { hash(tag: 3, normalized) | 1 }
    static func isHeading(_ candidate: UInt64) -> Bool { candidate & 1 == 1 }
    static func entry(_ id: String) -> UInt64 { hash(tag: 4, id) }

    private static func hash(tag: UInt8, _ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = (hash ^ UInt64(tag)) &* 0x0000_0100_0000_01b3
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
