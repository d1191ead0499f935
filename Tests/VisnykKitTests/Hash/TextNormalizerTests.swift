import Testing
@testable import VisnykKit

@Suite("TextNormalizer")
struct TextNormalizerTests {
    @Test("apostrophes ’ ʼ ‘ ` ´ ′ become '", arguments: ["\u{2019}", "\u{02BC}", "\u{2018}", "`", "\u{00B4}", "\u{2032}"])
    func apostrophes(variant: String) {
        #expect(TextNormalizer.normalize("об\(variant)єднує") == "об'єднує")
    }

    @Test("quotes « » „ “ ” become \"", arguments: ["\u{00AB}", "\u{00BB}", "\u{201E}", "\u{201C}", "\u{201D}"])
    func quotes(variant: String) {
        #expect(TextNormalizer.normalize("\(variant)Рамштайн\(variant)") == "\"рамштайн\"")
    }

    @Test("dashes ‐ ‑ ‒ – — − become -", arguments: ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"])
    func dashes(variant: String) {
        #expect(TextNormalizer.normalize("охочих \(variant) новий") == "охочих - новий")
    }

    @Test("other dashes and quotes are left alone")
    func unmappedPunctuation() {
        #expect(TextNormalizer.normalize("a\u{2015}b \u{2039}c\u{203A}") == "a\u{2015}b \u{2039}c\u{203A}")
    }

    @Test("zero-width characters and soft hyphens are dropped",
          arguments: ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"])
    func droppedCharacters(invisible: String) {
        #expect(TextNormalizer.normalize("Укра\(invisible)їна") == "україна")
        #expect(TextNormalizer.normalize("\(invisible)Львів \(invisible) Київ\(invisible)") == "львів київ")
    }

    @Test("white space runs collapse to one space and ends are trimmed")
    func whiteSpace() {
        let text = "\u{3000} Міністр\u{00A0}оборони\u{2009}України\t\tРустем\n\nУмєров\r\n\u{202F}у\u{2003}Брюсселі \u{0085}\u{2028}\u{2029}\u{205F}\u{1680}. \u{000B}\u{000C}"
        #expect(TextNormalizer.normalize(text) == "міністр оборони україни рустем умєров у брюсселі .")
    }

    @Test("empty and blank text normalize to the empty string")
    func blank() {
        #expect(TextNormalizer.normalize("") == "")
        #expect(TextNormalizer.normalize(" \u{00A0}\t\n\u{200B}\u{00AD} ") == "")
    }

    @Test("NFKC compatibility mappings", arguments: [
        ("\u{FB01}nal", "final"),                 // ﬁ ligature
        ("\u{FF21}\u{FF42}\u{FF43}\u{FF11}", "abc1"), // full-width forms
        ("x\u{00B2} + y\u{00B3}", "x2 + y3"),     // superscripts
        ("\u{210C}ilbert", "hilbert"),            // ℌ black-letter H
        ("\u{2116} 5", "no 5"),                   // № numero sign
        ("чекайте\u{2026}", "чекайте..."),        // … ellipsis
        ("\u{00BD}", "1\u{2044}2"),               // ½
        ("\u{3392}", "mhz"),                      // ㎒ square MHz
        ("\u{2474}", "(1)"),                      // ⑴
    ])
    func compatibility(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test("canonically equivalent spellings normalize the same")
    func canonicalEquivalence() {
        #expect(TextNormalizer.normalize("caf\u{00E9}") == TextNormalizer.normalize("cafe\u{0301}"))
        #expect(TextNormalizer.normalize("caf\u{00E9}") == "caf\u{00E9}")
        #expect(TextNormalizer.normalize("\u{0419}ОГО") == TextNormalizer.normalize("\u{0418}\u{0306}ОГО"))
        #expect(TextNormalizer.normalize("\u{0418}\u{0306}ого") == "\u{0439}ого")
        #expect(TextNormalizer.normalize("\u{0407}жак") == TextNormalizer.normalize("\u{0406}\u{0308}жак"))
        // Marks in either canonical order: ẹ́ (dot below 220 sorts before acute 230).
        #expect(TextNormalizer.normalize("e\u{0301}\u{0323}") == "\u{1EB9}\u{0301}")
        #expect(TextNormalizer.normalize("e\u{0323}\u{0301}") == "\u{1EB9}\u{0301}")
        // Hangul: conjoining jamo compose into the syllable.
        #expect(TextNormalizer.normalize("\u{1100}\u{1161}\u{11A8}") == "\u{AC01}")
        #expect(TextNormalizer.normalize("\u{AC00}\u{11A8}") == "\u{AC01}")
    }

    @Test("typographic mapping comes before NFKC: ´ is an apostrophe, not space + accent")
    func acuteBeforeNFKC() {
        #expect(TextNormalizer.normalize("п\u{00B4}ять") == "п'ять")
        // ¨ has no typographic mapping, so NFKC turns it into a space and a combining diaeresis.
        #expect(TextNormalizer.normalize("a\u{00A8}b") == "a \u{0308}b")
        // ″ (double prime) is not in the map; NFKC makes it two primes, which stay.
        #expect(TextNormalizer.normalize("5\u{2033}") == "5\u{2032}\u{2032}")
    }

    @Test("full case folding, not lowercasing", arguments: [
        ("Straße", "strasse"),
        ("STRA\u{1E9E}E", "strasse"),             // ẞ capital sharp s
        ("\u{03A3}\u{038A}\u{03A3}\u{03A5}\u{03A6}\u{039F}\u{03A3}", "\u{03C3}\u{03AF}\u{03C3}\u{03C5}\u{03C6}\u{03BF}\u{03C3}"),
        ("\u{03C3}\u{03BF}\u{03C6}\u{03CC}\u{03C2}", "\u{03C3}\u{03BF}\u{03C6}\u{03CC}\u{03C3}"), // final ς → σ
        ("\u{017F}", "s"),                        // ſ long s (NFKC)
        ("\u{1FB3}", "\u{03B1}\u{03B9}"),         // ᾳ → αι
        ("\u{1FBC}", "\u{03B1}\u{03B9}"),         // ᾼ → αι
        ("\u{13A0}\u{13A1}", "\u{13A0}\u{13A1}"), // Cherokee capitals are the folded form
        ("\u{AB70}\u{AB71}", "\u{13A0}\u{13A1}"), // Cherokee small letters fold to capitals
        ("\u{0130}", "i\u{0307}"),                // İ
        ("\u{01C5}", "d\u{017E}"),                // ǅ (NFKC) → dž
        ("\u{0149}", "\u{02BC}n"),                // ŉ (NFKC) → ʼn; the ʼ is not re-mapped
        ("\u{01F0}", "j\u{030C}"),                // ǰ folds to a decomposed pair
        ("\u{00B5}", "\u{03BC}"),                 // µ micro sign
    ])
    func caseFolding(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test("Cyrillic, Latin and Greek capitals fold")
    func alphabets() {
        #expect(TextNormalizer.normalize("ҐАНОК ЄВРОПИ ЇЖАК ІСТОРІЯ ЁЖ ЎЗ ЂАК ЏЕМ Ѣ Ӂ Ӏ Ә") == "ґанок європи їжак історія ёж ўз ђак џем ѣ ӂ ӏ ә")
        #expect(TextNormalizer.normalize("ÀÉÎÕÜ ÇÑ Ø Þ × ÷ ĄĆĘŁŃŚŹŻ") == "àéîõü çñ ø þ × ÷ ąćęłńśźż")
        #expect(TextNormalizer.normalize("ΑΘΗΝΑ ΩΜΕΓΑ") == "αθηνα ωμεγα")
    }

    @Test("normalizing twice changes nothing, except where NFKC yields a typographic variant")
    func idempotent() throws {
        let article = try Fixture.string("hash/leopolis-article.txt")
        for text in [article, "Straße ǰ ΐ ﬁ ᾳ e\u{0301}\u{0323}", "\u{AB70} \u{3392} \u{1FD3}"] {
            let once = TextNormalizer.normalize(text)
            #expect(TextNormalizer.normalize(once) == once)
        }
        // The contract maps typography before NFKC, so ŉ → ʼn keeps its ʼ the first time.
        #expect(TextNormalizer.normalize("\u{0149}") == "\u{02BC}n")
        #expect(TextNormalizer.normalize("\u{02BC}n") == "'n")
    }

    @Test("the one-pass path with local NFKC agrees with the complete NFKC over the whole text")
    func pathsAgree() throws {
        let article = try Fixture.string("hash/leopolis-article.txt")
        #expect(TextNormalizer.normalize(article) == TextNormalizer.normalizeSlowly(article))
        // Decomposed й (и + breve) and a stressed vowel inside words: only those words take
        // the complete NFKC, and the result is the same as for the precomposed text.
        let decomposed = article.replacingOccurrences(of: "й", with: "и\u{0306}")
            .replacingOccurrences(of: "Міністр", with: "Міні\u{0301}стр")
        #expect(TextNormalizer.normalize(decomposed) == TextNormalizer.normalizeSlowly(decomposed))
        #expect(TextNormalizer.normalize(decomposed)
                == TextNormalizer.normalize(article.replacingOccurrences(of: "Міністр", with: "Міні\u{0301}стр")))
        #expect(TextNormalizer.normalize("A\u{0301}") == "\u{00E1}")
        #expect(TextNormalizer.normalize("  e\u{0301}  x") == "\u{00E9} x")
        #expect(TextNormalizer.normalize("Zoe\u{0308}\u{200B}\u{0301} ok") == "zo\u{00EB}\u{0301} ok")
    }

    @Test("random mixes: the one-pass path agrees with the complete NFKC")
    func randomMixesAgree() {
        let pool: [Unicode.Scalar] = [
            "a", "Z", " ", "\t", "`", "е", "И", "Й", "ї", "Ї", "\u{0306}", "\u{0301}", "\u{0323}",
            "\u{0308}", "\u{00E9}", "\u{00C5}", "\u{212B}", "\u{00B4}", "\u{00A8}", "\u{2019}",
            "\u{00AB}", "\u{2014}", "\u{00A0}", "\u{2009}", "\u{200B}", "\u{00AD}", "\u{2026}",
            "\u{2116}", "\u{FB01}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{3131}",
            "\u{0390}", "\u{1FB3}", "\u{0345}", "\u{03A3}", "\u{00DF}", "\u{1E9E}", "\u{01F0}",
            "\u{0149}", "\u{2033}", "\u{FF21}", "\u{3392}", "\u{0483}", "\u{05B4}", "\u{0E49}",
        ]
        var generator = SeededRandom(seed: 42)
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 16) {
                scalars.append(pool[Int(generator.next() % UInt64(pool.count))])
            }
            let text = String(scalars)
            #expect(TextNormalizer.normalize(text) == TextNormalizer.normalizeSlowly(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }

    @Test("hostile input: long runs of combining marks stay correct")
    func manyMarks() {
        let marks = String(repeating: "\u{0301}\u{0323}", count: 5000)
        let normalized = TextNormalizer.normalize("a" + marks)
        #expect(normalized.unicodeScalars.first == "\u{1EA1}")   // ạ: a + the first dot below
        #expect(normalized.unicodeScalars.count == 10000)
    }
}
