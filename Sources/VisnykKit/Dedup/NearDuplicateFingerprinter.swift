import Foundation

/// Turns a text into what near-duplicate lookups compare: its shingles and its LSH band keys.
/// The same text gives the same fingerprint in every run (fixed seeds), so fingerprints can be
/// persisted and compared across restarts.
public struct NearDuplicateFingerprinter: Sendable {
    public let settings: NearDuplicateSettings
    private let functions: MinHashFunctions

    public init(settings: NearDuplicateSettings = .standard) {
        self.settings = settings
        functions = MinHashFunctions(count: settings.bands * settings.rows)
    }

    /// Empty band keys when the text is too short to compare (fewer than `minimumShingles`).
    public func fingerprint(_ text: String) -> NearDuplicateFingerprint {
        let shingles = ShingleSet(text: text)
        guard shingles.count >= settings.minimumShingles else {
            return NearDuplicateFingerprint(shingles: shingles, bandKeys: [])
        }
        let signature = MinHashSignature(shingles, functions: functions)
        return NearDuplicateFingerprint(
            shingles: shingles, bandKeys: LSHIndex.bandKeys(signature, bands: settings.bands, rows: settings.rows))
    }
}

/// An article found by its band keys, before the exact check.
public struct NearDuplicateCandidate: Sendable {
    public var id: String
    /// Unix seconds.
    public var time: Int64
    public var shingles: ShingleSet

    public init(id: String, time: Int64, shingles: ShingleSet) {
        self.id = id
        self.time = time
        self.shingles = shingles
    }
}

extension NearDuplicateSettings {
    /// The exact check, shared by every index: the candidates within `window` of `seconds`
    /// whose shingles reach `threshold` Jaccard similarity with `shingles`, most similar first;
    /// ties go to the earlier article (the one later ones are marked against).
    public func matches(_ shingles: ShingleSet, at seconds: Int64,
                        among candidates: some Sequence<NearDuplicateCandidate>) -> [NearDuplicateMatch] {
        var found: [NearDuplicateMatch] = []
        for candidate in candidates {
            guard abs(candidate.time - seconds) <= window else { continue }
            let similarity = shingles.jaccard(candidate.shingles)
            guard similarity >= threshold else { continue }
            found.append(NearDuplicateMatch(id: candidate.id, similarity: similarity,
                                            time: Date(timeIntervalSince1970: TimeInterval(candidate.time))))
        }
        return found.sorted(by: NearDuplicateMatch.precedes)
    }
}

extension NearDuplicateMatch {
    /// Most similar first; among equals the earlier article, the one later ones are marked
    /// against.
    public static func precedes(_ a: NearDuplicateMatch, _ b: NearDuplicateMatch) -> Bool {
        (a.similarity, b.time) > (b.similarity, a.time)
    }
}
