/// Guesses the 8-bit encoding of text that is not UTF-8 and declares nothing usable:
/// windows-1251, KOI8-R/KOI8-U (Cyrillic) or windows-1252 (Western European).
///
/// Cyrillic words are runs of bytes above 0x7F, while accented Latin letters mostly stand
/// alone between ASCII letters; so long runs of high bytes mean Cyrillic. Which Cyrillic
/// encoding is then told by letter frequencies: windows-1251 puts lowercase at 0xE0-0xFF,
/// KOI8 puts uppercase there, and the common letters (о а е и н т і …) sit at different bytes.
enum LegacyEncodingGuesser {
    /// Looking at the first megabyte is plenty and keeps huge documents cheap.
    static let sampleSize = 1 << 20

    static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let sample = UnsafeBufferPointer(rebasing: bytes.prefix(sampleSize))
        var highBytes = 0
        var inLongRuns = 0
        var runLength = 0
        var histogram = [Int](repeating: 0, count: 128)
        for byte in sample {
            if byte >= 0x80 {
                highBytes += 1
                histogram[Int(byte - 0x80)] += 1
                runLength += 1
                if runLength == 3 { inLongRuns += 3 } else if runLength > 3 { inLongRuns += 1 }
            } else {
                runLength = 0
            }
        }
        guard highBytes > 0, inLongRuns * 2 >= highBytes else { return "windows-1252" }

        let ukrainianKOI8Bytes: [UInt8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD]
        let koi8Name = ukrainianKOI8Bytes.contains { histogram[Int($0 - 0x80)] > 0 } ? "KOI8-U" : "KOI8-R"
        var bestName = "windows-1252"
        var bestScore = 0
        for name in ["windows-1251", koi8Name, "ISO-8859-5", "IBM866"] {
            guard let page = SingleByteCodePage(canonicalName: name) else { continue }
            var score = 0
            for (offset, count) in histogram.enumerated() where count > 0 {
                score += count * letterWeight(page.scalar(for: UInt8(0x80 + offset)))
            }
            if score > bestScore {
                bestScore = score
                bestName = name
            }
        }
        return bestName
    }

    /// Rough frequency (per mille) of Ukrainian and Russian letters, lowercase а...я then ё ... ї ґ.
    private static let lowercaseFrequency: [UInt32: Int] = [
        0x430: 80, 0x431: 16, 0x432: 45, 0x433: 15, 0x434: 30, 0x435: 65, 0x436: 9, 0x437: 18,
        0x438: 60, 0x439: 12, 0x43A: 35, 0x43B: 40, 0x43C: 30, 0x43D: 65, 0x43E: 100, 0x43F: 28,
        0x440: 45, 0x441: 45, 0x442: 58, 0x443: 30, 0x444: 3, 0x445: 10, 0x446: 8, 0x447: 12,
        0x448: 7, 0x449: 4, 0x44A: 1, 0x44B: 15, 0x44C: 15, 0x44D: 3, 0x44E: 7, 0x44F: 20,
        0x451: 1, 0x454: 6, 0x456: 50, 0x457: 6, 0x491: 1,
    ]

    /// Lowercase letters by frequency, uppercase at a quarter, box drawing and the like count
    /// against (they are rare in text but fill the wrong encoding's reading of letters).
    private static func letterWeight(_ scalar: UInt32) -> Int {
        if let weight = lowercaseFrequency[scalar] { return weight }
        if scalar >= 0x400 && scalar < 0x430, let weight = lowercaseFrequency[scalar + 0x20] { return weight / 4 + 1 }
        if scalar >= 0x400 && scalar < 0x410, let weight = lowercaseFrequency[scalar + 0x50] { return weight / 4 + 1 }
        if scalar == 0x490 { return 1 }
        if scalar >= 0x2500 && scalar < 0x25A0 { return -30 }
        return 0
    }
}
