import Testing
@testable import VisnykKit

/// The word-at-a-time validator and the cleaner against Swift's own UTF-8 decoder, on random
/// mixtures of the pieces that matter: ASCII, controls, Cyrillic, three- and four-byte
/// characters, noncharacters, overlong forms, surrogates and cut-off sequences.
struct UTF8ValidatorTests {
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("word ".utf8), Array("<p>".utf8), [0x09], [0x0A], [0x0D], [0x7F], [0x00], [0x1F],
        Array("Київ".utf8), Array("ї".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{85}".utf8),
        Array("\u{FFFD}".utf8), [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0x80], [0xBF],
        [0xD0], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF],
        [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],
    ]

    static func isXMLLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    @Test func agreesWithStandardLibraryDecoder() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            let favourite = Self.pieces.randomElement(using: &generator) ?? []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let piece = Bool.random(using: &generator) ? favourite : Self.pieces.randomElement(using: &generator) ?? []
                bytes.append(contentsOf: piece)
            }
            let reference = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter(Self.isXMLLegal)
            let referenceBytes = Array(String(String.UnicodeScalarView(reference)).utf8)
            let referenceIsClean = String(validating: bytes, as: UTF8.self).map {
                $0.unicodeScalars.allSatisfy(Self.isXMLLegal)
            } ?? false

            let (cleaned, issue) = bytes.withUnsafeBufferPointer { input in
                (UTF8Cleaner.cleaned(input).0, UTF8Validator.firstIssue(in: input))
            }
            #expect(cleaned == referenceBytes, "\(bytes)")
            #expect((issue == bytes.count) == referenceIsClean, "\(bytes)")
        }
    }

    @Test func firstIssueIsExactInLongMixtures() {
        // Long runs of Cyrillic and ASCII go sixteen bytes at a time; each stop must resume on
        // the right byte, so the issue found is the first one: everything before it is clean,
        // and the sequence at it is not.
        var generator = SystemRandomNumberGenerator()
        let common: [[UInt8]] = [Array("Київ ".utf8), Array("word ".utf8), [0x0A], Array("ї".utf8), Array("’".utf8)]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let piece = Int.random(in: 0..<8, using: &generator) == 0
                    ? Self.pieces.randomElement(using: &generator) ?? []
                    : common.randomElement(using: &generator) ?? []
                bytes.append(contentsOf: piece)
            }
            let issue = bytes.withUnsafeBufferPointer { UTF8Validator.firstIssue(in: $0) }
            #expect(Self.isClean(bytes[..<issue]), "\(bytes)")
            if issue < bytes.count {
                #expect(!Self.isClean(bytes[..<min(bytes.count, issue + 4)]), "\(bytes)")
            }
        }
    }

    static func isClean(_ bytes: ArraySlice<UInt8>) -> Bool {
        String(validating: bytes, as: UTF8.self).map { $0.unicodeScalars.allSatisfy(isXMLLegal) } ?? false
    }

    @Test(arguments: 0..<24)
    func wordCheckSeesAProblemAtEveryOffset(offset: Int) {
        // A clean Cyrillic-and-ASCII run with one bad byte placed at each position of the words.
        let clean = Array("Привіт, світе та люди!! Київ".utf8)
        for bad: UInt8 in [0x80, 0xC1, 0x01, 0xE2, 0xFF] {
            var bytes = clean
            bytes[offset] = bad
            let isClean = String(validating: bytes, as: UTF8.self).map { $0.unicodeScalars.allSatisfy(Self.isXMLLegal) } ?? false
            let issue = bytes.withUnsafeBufferPointer { UTF8Validator.firstIssue(in: $0) }
            #expect((issue == bytes.count) == isClean, "byte \(bad) at \(offset)")
        }
    }
}
