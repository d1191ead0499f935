import Testing
@testable import VisnykKit

struct DocumentDecoderRobustnessTests {
    @Test func emptyInputIsEmptyUTF8() throws {
        let document = try DocumentDecoder.decode([], contentType: nil)
        #expect(document.utf8.isEmpty)
        #expect(document.encoding == "UTF-8")
        #expect(document.warnings.isEmpty)
    }

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF], "UTF-8"), ([0xFF, 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE"),
        ([0xFF, 0xFE, 0, 0], "UTF-32LE"), ([0, 0, 0xFE, 0xFF], "UTF-32BE"),
    ] as [([UInt8], String)])
    func onlyAByteOrderMarkIsEmpty(bytes: [UInt8], encoding: String) throws {
        let document = try DocumentDecoder.decode(bytes, contentType: nil)
        #expect(document.utf8.isEmpty)
        #expect(document.encoding == encoding)
    }

    @Test func illegalCharactersAreDroppedWithOneWarning() throws {
        let bytes = Array("<a>x\u{0}y\u{1}z\u{B}\u{C}\u{1F}\t\n\r\u{FFFE}\u{FFFF}\u{7F}\u{85}\u{2028}\u{FFFD}</a>".utf8)
        let (text, document) = try EncodingSamples.decode(bytes)
        #expect(text == "<a>xyz\t\n\r\u{7F}\u{85}\u{2028}\u{FFFD}</a>")
        #expect(document.warnings == ["dropped 7 characters not allowed in XML"])
    }

    @Test func illegalCharactersAreDroppedFromLegacyAndWideEncodings() throws {
        let legacy = try EncodingSamples.decode([0x3C, 0x61, 0x3E, 0x01, 0xCF, 0x08, 0x3C], contentType: "text/xml; charset=cp1251")
        #expect(legacy.text == "<a>П<")
        #expect(legacy.document.warnings == ["dropped 2 characters not allowed in XML"])
        let wide = try EncodingSamples.decode([0xFF, 0xFE, 0x3C, 0, 0x01, 0, 0xFF, 0xFF, 0x3E, 0])
        #expect(wide.text == "<>")
        #expect(wide.document.warnings == ["dropped 2 characters not allowed in XML"])
    }

    @Test func invalidUTF8InDeclaredUTF8DocumentBecomesReplacementCharacters() throws {
        let prefix = Array(EncodingSamples.feed("Привіт, світе! Київ", encoding: "utf-8").utf8)
        // A lone continuation byte, an overlong form, a surrogate, a sequence cut short.
        let bytes = prefix + [0x80, 0x20, 0xC0, 0xAF, 0x20, 0xED, 0xA0, 0x80, 0x20, 0xE2, 0x82, 0x20]
        let (text, document) = try EncodingSamples.decode(bytes, contentType: nil)
        #expect(document.encoding == "UTF-8")
        #expect(text == String(decoding: prefix, as: UTF8.self) + "\u{FFFD} \u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD} ")
        #expect(document.warnings == ["replaced 7 invalid UTF-8 byte sequences with U+FFFD"])
    }

    @Test func truncatedMultibyteSequenceAtTheEnd() throws {
        let bytes = Array("<a>Київ</a>Ї".utf8).dropLast()
        let (text, document) = try EncodingSamples.decode(Array(bytes))
        #expect(text == "<a>Київ</a>\u{FFFD}")
        #expect(document.warnings.count == 1)
        let wide = try EncodingSamples.decode([0xFF, 0xFE, 0x3C, 0, 0x3E, 0, 0x3D, 0xD8, 0x41])
        #expect(wide.text == "<>\u{FFFD}\u{FFFD}")
        let cut = try EncodingSamples.decode([0x82], contentType: "text/xml; charset=shift_jis")
        #expect(cut.text == "\u{FFFD}")
    }

    @Test func surrogatePairsInUTF16AreJoinedAndLoneOnesReplaced() throws {
        // <😀> then a lone high surrogate followed by 'a', then a lone low surrogate.
        let bytes: [UInt8] = [0xFE, 0xFF, 0, 0x3C, 0xD8, 0x3D, 0xDE, 0x00, 0, 0x3E, 0xD8, 0x00, 0, 0x61, 0xDC, 0x00]
        let (text, document) = try EncodingSamples.decode(bytes)
        #expect(text == "<😀>\u{FFFD}a\u{FFFD}")
        #expect(document.warnings == ["replaced 2 invalid UTF-16BE code units with U+FFFD"])
    }

    @Test func invalidBytesInMultibyteLegacyEncodingAreReplaced() throws {
        // 0x82 0xA0 is "あ" in Shift_JIS; 0xFD is not a valid byte there.
        let bytes: [UInt8] = [0x3C, 0x61, 0x3E, 0x82, 0xA0, 0xFD, 0x82, 0xA0, 0x3C]
        let (text, document) = try EncodingSamples.decode(bytes, contentType: "text/xml; charset=sjis")
        #expect(text == "<a>あ\u{FFFD}あ<")
        #expect(document.warnings.count == 1)
    }

    @Test func bytesUndefinedInSingleByteEncodingAreReplaced() throws {
        // 0xAA is undefined in windows-1253.
        let (text, document) = try EncodingSamples.decode([0x41, 0xAA, 0xE1], contentType: "text/plain; charset=cp1253")
        #expect(text == "A\u{FFFD}α")
        #expect(document.warnings == ["replaced 1 bytes undefined in windows-1253 with U+FFFD"])
    }

    @Test func whatwgMappingsForWindows1252AndKOI8U() throws {
        let western = try EncodingSamples.decode([0x80, 0x81, 0x9F], contentType: "text/xml; charset=latin1")
        #expect(western.text == "€\u{81}Ÿ")
        let koi8 = try EncodingSamples.decode([0xAE, 0xBE, 0xA4, 0xB4], contentType: "text/xml; charset=koi8-u")
        #expect(koi8.text == "ўЎєЄ")
    }

    @Test func hostileInputNeverCrashes() throws {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 200] {
            for _ in 0..<50 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                for contentType in [nil, "text/xml; charset=utf-16", "text/xml; charset=gbk", "text/xml; charset=koi8-r"] {
                    let document = try DocumentDecoder.decode(bytes, contentType: contentType)
                    let valid = document.utf8.withUnsafeBufferPointer { UTF8Validator.firstIssue(in: $0) == $0.count }
                    #expect(valid, "\(bytes) as \(contentType ?? "nothing") gave bad UTF-8")
                }
            }
        }
    }
}
