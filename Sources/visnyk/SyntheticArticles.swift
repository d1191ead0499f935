/// Synthetic news-like articles for bench-neardup, the same in every run: 70 words each from a
/// vocabulary of 30,000 made-up Cyrillic words with a skewed frequency (a few very common words,
/// as in real text, so that common 3-word phrases exist), and rewrites of them that keep about
/// two thirds of the wording (3-word Jaccard near 0.3, the same-story range).
enum SyntheticArticles {
    static let syllables = ["ко", "ва", "ли", "на", "ст", "ро", "ми", "де", "пі", "ук", "ра", "ї",
                            "ні", "та", "го", "ль", "ві", "зе", "сь", "ка", "мо", "ре", "чи", "бу"]

    static let vocabulary: [String] = (0..<30_000).map { number in
        var word = ""
        var rest = number
        repeat {
            word += syllables[rest % syllables.count]
            rest /= syllables.count
        } while rest > 0
        return word + syllables[number % 7]
    }

    static let wordsPerArticle = 70

    static func words(_ number: Int) -> [String] {
        var state = UInt64(number) &* 0x9E37_79B9_7F4A_7C15
        return (0..<wordsPerArticle).map { _ in
            state = mix(state &+ 0x9E37_79B9_7F4A_7C15)
            // A cube of a uniform number: word ranks follow a steep power law.
            let uniform = Double(state >> 11) / Double(1 << 53)
            return vocabulary[Int(uniform * uniform * uniform * Double(vocabulary.count))]
        }
    }

    static func article(_ number: Int) -> String {
        words(number).joined(separator: " ")
    }

    /// Every seventh word replaced and one ten-word stretch moved to the end.
    static func rewrite(of number: Int) -> String {
        var words = words(number)
        for position in stride(from: 3, to: words.count, by: 7) {
            words[position] = vocabulary[Int(mix(UInt64(number * 100 + position)) % UInt64(vocabulary.count))]
        }
        let moved = words[20..<30]
        words.removeSubrange(20..<30)
        return (words + moved).joined(separator: " ")
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
