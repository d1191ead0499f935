/// Unicode Normalization Form KC (UAX #15) over an array of scalars, from the generated tables:
/// full compatibility decomposition, canonical ordering, canonical composition.
///
/// Used only for text the one-pass path cannot handle (combining marks, rare compatibility
/// characters). The platform's NFKC is not used because Swift 6.3's gets some sequences wrong.
enum UnicodeNFKC {
    private static let hangulBase: UInt32 = 0xAC00
    private static let hangulCount: UInt32 = 11172
    private static let leadingBase: UInt32 = 0x1100, vowelBase: UInt32 = 0x1161
    private static let trailingBase: UInt32 = 0x11A7
    private static let vowelCount: UInt32 = 21, trailingCount: UInt32 = 28

    static func normalize(_ scalars: [UInt32]) -> [UInt32] {
        var decomposed = decompose(scalars)
        reorder(&decomposed)
        return compose(decomposed)
    }

    private static func decompose(_ scalars: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(scalars.count + scalars.count / 4)
        for scalar in scalars {
            if scalar &- hangulBase < hangulCount {
                let index = scalar - hangulBase
                result.append(leadingBase + index / (vowelCount * trailingCount))
                result.append(vowelBase + index % (vowelCount * trailingCount) / trailingCount)
                if index % trailingCount != 0 { result.append(trailingBase + index % trailingCount) }
            } else if let image = UnicodeTables.nfkdImage(of: scalar) {
                result.append(contentsOf: image)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// Sorts every run of non-starters by combining class, keeping equal classes in order.
    private static func reorder(_ scalars: inout [UInt32]) {
        var index = 0
        while index < scalars.count {
            guard UnicodeTables.combiningClass(of: scalars[index]) != 0 else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, UnicodeTables.combiningClass(of: scalars[end]) != 0 { end += 1 }
            if end - index > 1 { sortRun(&scalars, index..<end) }
            index = end
        }
    }

    private static func sortRun(_ scalars: inout [UInt32], _ run: Range<Int>) {
        // (class, position) keys make an O(n log n) sort stable, so hostile runs of thousands
        // of marks stay cheap.
        var keys: [(combiningClass: UInt8, position: Int)] = []
        keys.reserveCapacity(run.count)
        for position in run {
            keys.append((UnicodeTables.combiningClass(of: scalars[position]), position))
        }
        keys.sort { left, right in
            left.combiningClass != right.combiningClass
                ? left.combiningClass < right.combiningClass
                : left.position < right.position
        }
        var sorted: [UInt32] = []
        sorted.reserveCapacity(run.count)
        for key in keys { sorted.append(scalars[key.position]) }
        scalars.replaceSubrange(run, with: sorted)
    }

    private static func compose(_ scalars: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(scalars.count)
        var starterIndex: Int?
        var lastClass: Int = 0
        for scalar in scalars {
            let scalarClass = Int(UnicodeTables.combiningClass(of: scalar))
            // Blocked unless nothing sits between the starter and this scalar, or everything
            // between has a lower class (runs are already in canonical order).
            let lastIsStarter = starterIndex == result.count - 1
            if let starter = starterIndex, lastClass < scalarClass || lastIsStarter,
               let composite = composition(of: result[starter], scalar) {
                result[starter] = composite
                continue
            }
            if scalarClass == 0 { starterIndex = result.count }
            lastClass = scalarClass
            result.append(scalar)
        }
        return result
    }

    private static func composition(of first: UInt32, _ second: UInt32) -> UInt32? {
        if first &- leadingBase < 19, second &- vowelBase < vowelCount {
            let syllableIndex = (first - leadingBase) * vowelCount + (second - vowelBase)
            return hangulBase + syllableIndex * trailingCount
        }
        if first &- hangulBase < hangulCount, (first - hangulBase) % trailingCount == 0,
           second > trailingBase, second - trailingBase < trailingCount {
            return first + second - trailingBase
        }
        return UnicodeTables.composition(of: first, second)
    }
}
