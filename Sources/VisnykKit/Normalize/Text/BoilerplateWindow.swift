/// A source's last distinct entries as the learner counts them, oldest first, and the keys of
/// the entries observed recently (a longer list, so that an entry still in a long feed is not
/// observed again after it left the window).
struct BoilerplateWindow: Equatable, Sendable {
    static let capacity = 50
    static let recentCapacity = 256

    private(set) var samples: [BoilerplateSample] = []
    private(set) var recentEntries: [UInt64] = []

    init() {}

    init(samples: [BoilerplateSample], recentEntries: [UInt64]) {
        self.samples = Array(samples.suffix(Self.capacity))
        self.recentEntries = Array(recentEntries.suffix(Self.recentCapacity))
    }

    func hasObserved(entry: UInt64) -> Bool {
        recentEntries.contains(entry) || samples.contains { $0.entry == entry }
    }

    mutating func append(_ sample: BoilerplateSample) {
        samples.append(sample)
        if samples.count > Self.capacity { samples.removeFirst(samples.count - Self.capacity) }
        recentEntries.append(sample.entry)
        if recentEntries.count > Self.recentCapacity {
            recentEntries.removeFirst(recentEntries.count - Self.recentCapacity)
        }
    }
}

extension BoilerplateWindow {
    private static let magic: [UInt8] = Array("VBW1".utf8)

    /// Little-endian: "VBW1", sample count, per sample its entry key, its line keys and its
    /// variants (each with a count first), then the recent entry keys.
    var encoded: [UInt8] {
        var bytes = Self.magic
        func put(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        put(UInt64(samples.count))
        for sample in samples {
            put(sample.entry)
            put(UInt64(sample.lines.count))
            sample.lines.forEach(put)
            put(UInt64(sample.variants.count))
            for variant in sample.variants {
                put(variant.candidate)
                put(variant.rest)
            }
        }
        put(UInt64(recentEntries.count))
        recentEntries.forEach(put)
        return bytes
    }

    /// Nil for bytes that are not an encoded window (a damaged row starts afresh).
    init?(encoded bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var offset = Self.magic.count
        func take() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[offset + shift]) << (8 * shift) }
            offset += 8
            return value
        }
        func takeCount(max: Int) -> Int? {
            guard let count = take(), count <= UInt64(max) else { return nil }
            return Int(count)
        }
        guard let sampleCount = takeCount(max: Self.capacity) else { return nil }
        var samples: [BoilerplateSample] = []
        for _ in 0..<sampleCount {
            guard let entry = take(), let lineCount = takeCount(max: BoilerplateSample.maxLines) else { return nil }
            var lines: [UInt64] = []
            for _ in 0..<lineCount {
                guard let line = take() else { return nil }
                lines.append(line)
            }
            guard let variantCount = takeCount(max: BoilerplateSample.maxVariants) else { return nil }
            var variants: [BoilerplateVariant] = []
            for _ in 0..<variantCount {
                guard let candidate = take(), let rest = take() else { return nil }
                variants.append(BoilerplateVariant(candidate: candidate, rest: rest))
            }
            samples.append(BoilerplateSample(entry: entry, lines: lines, variants: variants))
        }
        guard let recentCount = takeCount(max: Self.recentCapacity) else { return nil }
        var recent: [UInt64] = []
        for _ in 0..<recentCount {
            guard let key = take() else { return nil }
            recent.append(key)
        }
        guard offset == bytes.count else { return nil }
        self.init(samples: samples, recentEntries: recent)
    }
}
