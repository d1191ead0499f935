import Foundation

/// Finds earlier articles telling the same story in other words, within a time window.
///
/// A lookup takes the candidates `LSHIndex` finds by MinHash bands (a number of buckets fixed
/// by the settings, not by the size of the index) and checks each exactly: the Jaccard
/// similarity of the two sets of 3-word shingles must reach `threshold`, and the two articles
/// must be at most `window` apart. Inserted articles leave the index once the newest article is
/// more than `window` younger. Pure logic: no I/O, and the same answers in every run.
public struct NearDuplicateIndex: Sendable {
    public let settings: NearDuplicateSettings
    private let fingerprinter: NearDuplicateFingerprinter
    private var lsh: LSHIndex
    private var ids: [String] = []
    private var times: [Int64] = []
    private var shingles: [ShingleSet] = []
    /// The serial of `ids[0]`.
    private var base = 0
    private var newestTime = Int64.min

    public init(settings: NearDuplicateSettings = .standard) {
        self.settings = settings
        fingerprinter = NearDuplicateFingerprinter(settings: settings)
        lsh = LSHIndex(bands: settings.bands, rows: settings.rows, bucketLimit: settings.bucketLimit)
    }

    /// The articles in the index (inserted and not yet out of the window).
    public var count: Int { lsh.liveCount }

    /// What the index keeps of a text, computed once for a lookup and the insert after it.
    public func fingerprint(_ text: String) -> NearDuplicateFingerprint {
        fingerprinter.fingerprint(text)
    }

    /// The indexed articles that tell the same story as `text`, most similar first.
    public func matches(_ text: String, time: Date) -> [NearDuplicateMatch] {
        matches(fingerprint(text), time: time)
    }

    public func matches(_ fingerprint: NearDuplicateFingerprint, time: Date) -> [NearDuplicateMatch] {
        guard fingerprint.isIndexable else { return [] }
        let candidates = lsh.candidates(fingerprint.bandKeys).lazy.map { serial in
            let slot = serial - self.base
            return NearDuplicateCandidate(id: self.ids[slot], time: self.times[slot], shingles: self.shingles[slot])
        }
        return settings.matches(fingerprint.shingles, at: Self.seconds(time), among: candidates)
    }

    /// Indexes an article; returns false (and keeps nothing) when its text is too short to
    /// compare (fewer than `minimumShingles` shingles: a photo caption, a bare link).
    @discardableResult
    public mutating func insert(id: String, text: String, time: Date) -> Bool {
        insert(id: id, fingerprint(text), time: time)
    }

    @discardableResult
    public mutating func insert(id: String, _ fingerprint: NearDuplicateFingerprint, time: Date) -> Bool {
        guard fingerprint.isIndexable else { return false }
        let seconds = Self.seconds(time)
        lsh.insert(fingerprint.bandKeys)
        ids.append(id)
        times.append(seconds)
        shingles.append(fingerprint.shingles)
        newestTime = max(newestTime, seconds)
        evictOutsideWindow()
        return true
    }

    /// Articles leave in insertion order, which follows time closely; one that arrived late and
    /// stays a little longer is still never matched outside the window (checked per match).
    private mutating func evictOutsideWindow() {
        var first = lsh.firstLive
        while first < lsh.nextSerial && times[first - base] < newestTime - settings.window {
            first += 1
        }
        guard first != lsh.firstLive else { return }
        lsh.evict(before: first)
        let dead = first - base
        if dead >= 1024 && dead > lsh.liveCount {
            ids.removeFirst(dead)
            times.removeFirst(dead)
            shingles.removeFirst(dead)
            base = first
        }
    }

    /// Whole seconds, clamped to ±10¹² (±31,000 years): a hostile feed's date cannot trap the
    /// conversion or overflow a difference of two times.
    static func seconds(_ time: Date) -> Int64 {
        let seconds = time.timeIntervalSince1970
        guard seconds.isFinite else { return 0 }
        return Int64(min(max(seconds, -1e12), 1e12).rounded(.down))
    }
}

/// A text's shingles and band keys; empty band keys when the text is too short to index.
public struct NearDuplicateFingerprint: Sendable, Equatable {
    public let shingles: ShingleSet
    public let bandKeys: [UInt32]

    public var isIndexable: Bool { !bandKeys.isEmpty }
}

/// An indexed article found to tell the same story.
public struct NearDuplicateMatch: Sendable, Equatable {
    public let id: String
    /// The Jaccard similarity of the two texts' 3-word shingles.
    public let similarity: Double
    public let time: Date
}
