/// Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands
/// of `rows` values; two articles become candidates when any band is equal in both. For a pair
/// with Jaccard similarity s the chance of that is 1 − (1 − s^rows)^bands, so the lookup finds
/// similar articles while touching only `bands` buckets, however many articles are indexed.
///
/// Articles are numbered by a serial in insertion order and evicted oldest first. The storage is
/// flat to stay small at a million articles (8 to 16 bytes per article and band): `keys` and
/// `next` hold one entry per article and band, article-major, and `heads` (one to two per entry)
/// holds each bucket's newest entry. A bucket is a chain through `next` from newest to oldest,
/// so a walk stops at the first evicted entry. Evicted entries are dropped and the chains
/// rebuilt once they outnumber the live ones, which keeps every operation O(1) amortized.
/// Entries are numbered in 32 bits: up to 2³¹ article-bands live at once (21 million articles at
/// 100 bands), far above a 72-hour window of news.
public struct LSHIndex: Sendable {
    public let bands: Int
    public let rows: Int
    /// At most this many articles are taken from one bucket, the newest first. A band shared by
    /// more articles within the window comes from text that many articles carry (a boilerplate
    /// line the learner has not caught yet), not from one story; the cap keeps such a bucket
    /// from making each lookup slower as the index grows.
    public let bucketLimit: Int

    private var keys: [UInt32] = []
    private var next: [Int32] = []
    private var heads: [Int32]
    /// The serial of `keys[0 ..< bands]`'s article.
    private var base = 0
    private(set) public var firstLive = 0

    public init(bands: Int, rows: Int, bucketLimit: Int = 64) {
        precondition(bands > 0 && rows > 0 && bucketLimit > 0)
        self.bands = bands
        self.rows = rows
        self.bucketLimit = bucketLimit
        heads = [Int32](repeating: -1, count: 1024)
    }

    public var signatureLength: Int { bands * rows }

    /// The serial the next inserted article gets.
    public var nextSerial: Int { base + keys.count / bands }

    public var liveCount: Int { nextSerial - firstLive }

    /// One key per band: the band's values hashed with the band's number, so that equal values
    /// in different bands do not meet in one bucket.
    public func bandKeys(_ signature: MinHashSignature) -> [UInt32] {
        Self.bandKeys(signature, bands: bands, rows: rows)
    }

    public static func bandKeys(_ signature: MinHashSignature, bands: Int, rows: Int) -> [UInt32] {
        precondition(signature.values.count == bands * rows, "a signature of \(bands * rows) values")
        var result: [UInt32] = []
        result.reserveCapacity(bands)
        for band in 0..<bands {
            var hash = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for row in 0..<rows {
                hash = ShingleSet.mix(hash ^ UInt64(signature.values[band * rows + row]))
            }
            result.append(UInt32(truncatingIfNeeded: hash >> 32))
        }
        return result
    }

    /// Adds an article by its band keys and returns its serial.
    @discardableResult
    public mutating func insert(_ bandKeys: [UInt32]) -> Int {
        precondition(bandKeys.count == bands, "\(bands) band keys")
        let serial = nextSerial
        if keys.count + bands > heads.count {
            rebuild(slots: heads.count * 2)
        }
        let mask = heads.count - 1
        for key in bandKeys {
            let entry = keys.count
            let slot = Int(key) & mask
            keys.append(key)
            next.append(heads[slot])
            heads[slot] = Int32(entry)
        }
        return serial
    }

    /// The serials of live articles sharing a band with `bandKeys`, ascending, each once.
    public func candidates(_ bandKeys: [UInt32]) -> [Int] {
        precondition(bandKeys.count == bands, "\(bands) band keys")
        let mask = heads.count - 1
        let firstLiveEntry = (firstLive - base) * bands
        var found: [Int] = []
        for (band, key) in bandKeys.enumerated() {
            var entry = Int(heads[Int(key) & mask])
            var taken = 0
            while entry >= firstLiveEntry && taken < bucketLimit {
                if keys[entry] == key && entry % bands == band {
                    found.append(base + entry / bands)
                    taken += 1
                }
                entry = Int(next[entry])
            }
        }
        found.sort()
        var unique = 0
        for serial in found where unique == 0 || found[unique - 1] != serial {
            found[unique] = serial
            unique += 1
        }
        found.removeLast(found.count - unique)
        return found
    }

    /// Forgets every article with a serial below `serial`.
    public mutating func evict(before serial: Int) {
        firstLive = min(max(firstLive, serial), nextSerial)
        let dead = firstLive - base
        if dead >= 1024 && dead > liveCount {
            rebuild(slots: heads.count)
        }
    }

    /// Drops the evicted entries and relinks the live ones into `slots` heads, or more: at least
    /// one per entry, so that a chain holds one entry of another bucket on average.
    private mutating func rebuild(slots: Int) {
        keys.removeFirst((firstLive - base) * bands)
        base = firstLive
        var size = max(1024, slots)
        while size < keys.count { size *= 2 }
        heads = [Int32](repeating: -1, count: size)
        next = [Int32](repeating: -1, count: keys.count)
        let mask = size - 1
        for entry in keys.indices {
            let slot = Int(keys[entry]) & mask
            next[entry] = heads[slot]
            heads[slot] = Int32(entry)
        }
    }
}
