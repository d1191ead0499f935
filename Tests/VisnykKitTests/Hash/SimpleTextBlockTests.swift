import Testing
@testable import VisnykKit

/// The eight-byte path of the normalizer (`SimpleTextBlock`) against references that share
/// none of its code, over text it handles (ASCII, Cyrillic, white space, common typography),
/// at every alignment and length around the block size.
@Suite("SimpleTextBlock")
struct SimpleTextBlockTests {
    private static let simplePool: [Unicode.Scalar] = [
        "a", "z", "A", "Z", "m", "M", "0", "9", ".", ",", "@", "[", "{", "~", "\u{7F}", "`",
        " ", " ", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{01}", "\u{1F}", "\u{A0}",
        "а", "п", "р", "я", "і", "ї", "є", "ґ", "ё", "ѐ", "џ", "А", "П", "Р", "Я", "І", "Ї", "Є",
        "Ґ", "Ё", "Ѐ", "Џ", "Ѡ", "ѡ", "Ѣ", "ѣ", "Ѿ", "ѿ",
        "\u{2019}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}", "\u{2013}", "\u{2014}",
    ]

    /// Lowercasing is case folding for these scalars; the contract's mapping is spelled out.
    private static func reference(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}":
                if !word.isEmpty { words.append(word) }
                word = ""
            case "`", "\u{2019}": word += "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}": word += "\""
            case "\u{2013}", "\u{2014}": word += "-"
            default: word += String(scalar).lowercased()
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    private static func randomText(_ generator: inout SeededRandom, pool: [Unicode.Scalar], length: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            scalars.append(pool[Int(generator.next() % UInt64(pool.count))])
        }
        return String(scalars)
    }

    @Test("random simple text matches a plain lowercase-and-collapse reference")
    func simpleTextMatchesReference() {
        var generator = SeededRandom(seed: 7)
        for length in 0..<40 {
            for _ in 0..<150 {
                let text = Self.randomText(&generator, pool: Self.simplePool, length: length)
                #expect(TextNormalizer.normalize(text) == Self.reference(text), "\(text.unicodeScalars.map { $0.value })")
            }
        }
    }

    @Test("long random text, read sixteen bytes at a time where no byte stops, matches the reference")
    func longTextMatchesReference() {
        var generator = SeededRandom(seed: 17)
        // Mostly letters and single spaces, so that many sixteen-byte blocks hold no stop.
        let letters: [Unicode.Scalar] = [
            "a", "Z", "q", "M", ".", "0", " ", "\n", "а", "Я", "Ѐ", "П", "Р", "р", "і", "Ї", "ё", "Џ", "ѡ", "Ѣ",
        ]
        for length in 16..<160 {
            for round in 0..<16 {
                let pool = round % 4 == 0 ? Self.simplePool : letters
                let text = Self.randomText(&generator, pool: pool, length: length)
                #expect(TextNormalizer.normalize(text) == Self.reference(text), "\(text.unicodeScalars.map { $0.value })")
            }
        }
    }

    @Test("words at every offset of a block", arguments: 0..<9)
    func everyOffset(padding: Int) {
        let pad = String(repeating: "x", count: padding)
        let cases: [(String, String)] = [
            ("ПРИВІТ Світе", "привіт світе"),
            ("ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ", "ѐёђѓєѕіїјљњћќѝўџ"),
            ("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдежзийклмнопрстуфхцчшщъыьэюя"),
            ("ѠѡѢѣ Ѿ", "ѡѡѣѣ ѿ"),
            ("One  Two\t\t\nThree \r\n Four", "one two three four"),
            ("a`b\u{01}c\u{7F}d", "a'b\u{01}c\u{7F}d"),
            ("Новини\n\nдня\n\u{0B}\u{0C}ok", "новини дня ok"),
            ("Львів\u{A0}\u{A0}— «місто»", "львів - \"місто\""),
        ]
        for (input, expected) in cases {
            #expect(TextNormalizer.normalize(pad + input) == pad + expected)
            #expect(TextNormalizer.normalize(input + pad) == expected + pad)
            #expect(TextNormalizer.normalize(pad + " " + input + " " + pad)
                    == (pad.isEmpty ? expected : pad + " " + expected + " " + pad))
        }
    }

    @Test("combining marks after block text restart at the right scalar")
    func marksAfterBlocks() {
        var generator = SeededRandom(seed: 11)
        let pool = Self.simplePool + ["\u{0306}", "\u{0301}", "\u{0308}", "\u{0323}", "\u{2026}", "\u{00E9}"]
        for length in 0..<48 {
            for _ in 0..<60 {
                let text = Self.randomText(&generator, pool: pool, length: length)
                #expect(TextNormalizer.normalize(text) == TextNormalizer.normalizeSlowly(text), "\(text.unicodeScalars.map { $0.value })")
            }
        }
        #expect(TextNormalizer.normalize("ЙОГО ДОВГЕ СЛОВО И\u{0306}") == "його довге слово й")
        #expect(TextNormalizer.normalize("abcdefghE\u{0301}") == "abcdefgh\u{00E9}")
        #expect(TextNormalizer.normalize("abcdefgИ\u{0306}") == "abcdefgй")
    }

    @Test("the hash of random text equals the hash of its slow normalization")
    func hashSegments() {
        var generator = SeededRandom(seed: 13)
        for _ in 0..<500 {
            let title = Self.randomText(&generator, pool: Self.simplePool, length: Int(generator.next() % 20))
            let text = Self.randomText(&generator, pool: Self.simplePool, length: Int(generator.next() % 60))
            #expect(ContentHash.compute(title: title, text: text, fallbackLink: "https://x/1")
                    == ContentHash.compute(title: TextNormalizer.normalizeSlowly(title),
                                           text: TextNormalizer.normalizeSlowly(text), fallbackLink: "https://x/1"))
        }
        #expect(ContentHash.compute(title: "Заголовок ", text: " \n Текст", fallbackLink: nil)
                == ContentHash.compute(title: "заголовок", text: "текст", fallbackLink: nil))
    }
}
