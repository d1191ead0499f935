import Testing
@testable import VisnykKit

/// Byte order mark beats HTTP, HTTP beats the XML declaration, the declaration beats sniffing.
struct DocumentDecoderAuthorityTests {
    /// "Привіт" in windows-1251 reads as "рТЙЧ╕Ф" in KOI8-U; the tests tell by which comes out.
    static let word1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xB3, 0xF2]

    static func document(declaring encoding: String?, body: [UInt8]) -> [UInt8] {
        Array(EncodingSamples.feed("@", encoding: encoding).utf8).split(separator: UInt8(ascii: "@"))
            .map(Array.init).joined(separator: body).map { $0 }
    }

    @Test func byteOrderMarkBeatsHTTPAndDeclaration() throws {
        let utf8Body = Array("Привіт".utf8)
        let bytes = [0xEF, 0xBB, 0xBF] + Self.document(declaring: "koi8-u", body: utf8Body)
        let (text, document) = try EncodingSamples.decode(bytes, contentType: "text/xml; charset=windows-1251")
        #expect(text == EncodingSamples.feed("Привіт", encoding: "koi8-u"))
        #expect(document.encoding == "UTF-8")
        #expect(document.warnings.count == 2)
    }

    @Test func httpBeatsDeclaration() throws {
        let bytes = Self.document(declaring: "koi8-u", body: Self.word1251)
        let (text, document) = try EncodingSamples.decode(bytes, contentType: "application/rss+xml; charset=cp1251")
        #expect(text.contains("<title>Привіт</title>"))
        #expect(document.encoding == "windows-1251")
    }

    @Test func declarationBeatsSniffing() throws {
        // As KOI8-U these bytes are not what the guesser would pick (it prefers windows-1251).
        let bytes = Self.document(declaring: "koi8-u", body: Self.word1251 + [0x20] + Self.word1251)
        let (text, document) = try EncodingSamples.decode(bytes, contentType: nil)
        let koi8 = try #require(SingleByteCodePage(canonicalName: "KOI8-U"))
        let expected = String(decoding: Self.word1251.withUnsafeBufferPointer { koi8.decode($0).utf8 }, as: UTF8.self)
        #expect(text.contains("<title>\(expected) \(expected)</title>"))
        #expect(document.encoding == "KOI8-U")
        #expect(document.warnings.isEmpty)
    }

    @Test func declarationAfterWhiteSpaceCounts() throws {
        let bytes = Array("  \n\t".utf8) + Self.document(declaring: "windows-1251", body: Self.word1251)
        let (text, document) = try EncodingSamples.decode(bytes)
        #expect(document.encoding == "windows-1251")
        // libxml2 rejects anything before the declaration, so the white space is gone.
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("<title>Привіт</title>"))
    }

    @Test func httpWithoutCharsetFallsThroughToDeclaration() throws {
        let bytes = Self.document(declaring: "windows-1251", body: Self.word1251)
        let (_, document) = try EncodingSamples.decode(bytes, contentType: "application/xml")
        #expect(document.encoding == "windows-1251")
    }

    @Test func undeclaredValidUTF8IsUTF8() throws {
        let bytes = Self.document(declaring: nil, body: Array("Привіт".utf8))
        let (text, document) = try EncodingSamples.decode(bytes)
        #expect(document.encoding == "UTF-8")
        #expect(text.contains("<title>Привіт</title>"))
    }

    @Test func staleLegacyDeclarationOnUTF8TextGivesWayWithWarning() throws {
        let bytes = Self.document(declaring: "windows-1251", body: Array("Привіт".utf8))
        let (text, document) = try EncodingSamples.decode(bytes, contentType: "text/xml; charset=iso-8859-1")
        #expect(document.encoding == "UTF-8")
        #expect(text.contains("<title>Привіт</title>"))
        #expect(document.warnings.count == 1)
    }

    @Test func asciiDocumentKeepsDeclaredName() throws {
        let bytes = Self.document(declaring: "windows-1251", body: Array("plain".utf8))
        let document = try DocumentDecoder.decode(bytes, contentType: nil)
        #expect(document.encoding == "windows-1251")
        #expect(document.utf8 == bytes)
    }

    @Test func declaredUTF8ThatIsMostlyInvalidFallsBackToLaterDeclaration() throws {
        let bytes = Self.document(declaring: "koi8-u", body: Self.word1251)
        let (_, document) = try EncodingSamples.decode(bytes, contentType: "text/xml; charset=utf-8")
        #expect(document.encoding == "KOI8-U")
        #expect(document.warnings.count == 1)
    }

    @Test func declaredUTF8ThatIsMostlyInvalidIsGuessed() throws {
        let text = "Коаліція охочих та Рамштайн: Умєров розповів"
        let bytes = Self.document(declaring: "utf-8", body: cp1251(text))
        let (decoded, document) = try EncodingSamples.decode(bytes)
        #expect(document.encoding == "windows-1251")
        #expect(decoded.contains("<title>\(text)</title>"))
        #expect(document.warnings == ["declared charset UTF-8 in the XML declaration but the bytes are not valid UTF-8; "
            + "read as windows-1251 (guessed from the text)"])
    }

    @Test func utf16DeclarationOnASCIIBytesIsIgnored() throws {
        let bytes = Self.document(declaring: "utf-16", body: Array("Привіт".utf8))
        let (text, document) = try EncodingSamples.decode(bytes)
        #expect(document.encoding == "UTF-8")
        #expect(text.contains("<title>Привіт</title>"))
        #expect(document.warnings.count == 1)
    }

    @Test func unknownLabelFallsBackWithWarning() throws {
        let bytes = Self.document(declaring: "x-klingon", body: Array("Привіт".utf8))
        let (text, document) = try EncodingSamples.decode(bytes, contentType: "text/xml; charset=x-martian")
        #expect(document.encoding == "UTF-8")
        #expect(text.contains("<title>Привіт</title>"))
        #expect(document.warnings.count == 2)
        #expect(document.warnings.allSatisfy { $0.hasPrefix("unknown charset") })
    }

    func cp1251(_ text: String) -> [UInt8] {
        let page = SingleByteCodePage(canonicalName: "windows-1251")
        let pairs = (0x80...0xFF).compactMap { byte -> (UInt32, UInt8)? in
            guard let scalar = page?.scalar(for: UInt8(byte)) else { return nil }
            return (scalar, UInt8(byte))
        }
        let reverse = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : reverse[$0.value] ?? 0x3F }
    }
}
