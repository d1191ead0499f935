import Testing
@testable import VisnykKit

/// Each fixture is a feed written by Python in one encoding; decoding must give back the text.
struct DocumentDecoderRoundTripTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let text: String
        let declared: String?
        let encoding: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "uk-utf-8.xml", text: EncodingSamples.ukrainian, declared: "utf-8", encoding: "UTF-8"),
        Case(file: "uk-utf-8-bom.xml", text: EncodingSamples.ukrainian, declared: "utf-8", encoding: "UTF-8"),
        Case(file: "uk-windows-1251.xml", text: EncodingSamples.ukrainian, declared: "windows-1251", encoding: "windows-1251"),
        Case(file: "uk-koi8-u.xml", text: EncodingSamples.ukrainianPlain, declared: "koi8-u", encoding: "KOI8-U"),
        Case(file: "ru-koi8-r.xml", text: EncodingSamples.russianPlain, declared: "KOI8-R", encoding: "KOI8-R"),
        Case(file: "uk-iso-8859-5.xml", text: EncodingSamples.ukrainianNoGhe, declared: "ISO-8859-5", encoding: "ISO-8859-5"),
        Case(file: "uk-utf-16le-bom.xml", text: EncodingSamples.ukrainian, declared: "UTF-16", encoding: "UTF-16LE"),
        Case(file: "uk-utf-16be-bom.xml", text: EncodingSamples.ukrainian, declared: "UTF-16", encoding: "UTF-16BE"),
        Case(file: "uk-utf-16le.xml", text: EncodingSamples.ukrainian, declared: "UTF-16", encoding: "UTF-16LE"),
        Case(file: "uk-utf-16be.xml", text: EncodingSamples.ukrainian, declared: "UTF-16", encoding: "UTF-16BE"),
        Case(file: "uk-utf-32le-bom.xml", text: EncodingSamples.ukrainian, declared: "UTF-32", encoding: "UTF-32LE"),
        Case(file: "uk-utf-32be.xml", text: EncodingSamples.ukrainian, declared: "UTF-32", encoding: "UTF-32BE"),
        Case(file: "fr-iso-8859-1.xml", text: EncodingSamples.french, declared: "iso-8859-1", encoding: "windows-1252"),
        Case(file: "pl-iso-8859-2.xml", text: EncodingSamples.polish, declared: "ISO-8859-2", encoding: "ISO-8859-2"),
        Case(file: "ja-shift_jis.xml", text: EncodingSamples.japanese, declared: "Shift_JIS", encoding: "Shift_JIS"),
        Case(file: "ja-euc-jp.xml", text: EncodingSamples.japanese, declared: "EUC-JP", encoding: "EUC-JP"),
        Case(file: "ja-iso-2022-jp.xml", text: EncodingSamples.japanese, declared: "ISO-2022-JP", encoding: "ISO-2022-JP"),
        Case(file: "zh-gbk.xml", text: EncodingSamples.chinese, declared: "gb2312", encoding: "GBK"),
        Case(file: "zh-big5.xml", text: EncodingSamples.chineseTraditional, declared: "big5", encoding: "Big5"),
        Case(file: "ko-euc-kr.xml", text: EncodingSamples.korean, declared: "euc-kr", encoding: "EUC-KR"),
    ]

    @Test(arguments: cases)
    func declaredEncodingRoundTrips(_ sample: Case) throws {
        let (text, document) = try EncodingSamples.decode(try Fixture.bytes("encoding/\(sample.file)"))
        #expect(text == EncodingSamples.feed(sample.text, encoding: sample.declared))
        #expect(document.encoding == sample.encoding)
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }

    @Test(arguments: [
        ("uk-windows-1251-undeclared.xml", EncodingSamples.ukrainian, "windows-1251"),
        ("ru-windows-1251-undeclared.xml", EncodingSamples.russian, "windows-1251"),
        ("uk-koi8-u-undeclared.xml", EncodingSamples.ukrainianPlain, "KOI8-U"),
        ("fr-windows-1252-undeclared.xml", EncodingSamples.french, "windows-1252"),
    ])
    func undeclaredLegacyEncodingIsGuessed(file: String, expected: String, encoding: String) throws {
        let (text, document) = try EncodingSamples.decode(try Fixture.bytes("encoding/\(file)"))
        #expect(text == EncodingSamples.feed(expected))
        #expect(document.encoding == encoding)
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.contains("read as \(encoding)") == true, "\(document.warnings)")
    }

    @Test func utf16JSONWithoutByteOrderMarkIsRecognized() throws {
        let (text, document) = try EncodingSamples.decode(try Fixture.bytes("encoding/uk-utf-16le.json"))
        #expect(document.encoding == "UTF-16LE")
        #expect(text.hasPrefix("{\"version\": \"https://jsonfeed.org/version/1.1\""))
        #expect(text.contains(EncodingSamples.ukrainianPlain.replacing("\"", with: "'")))
    }

    @Test func validUTF8IsReturnedUnchanged() throws {
        let bytes = try Fixture.bytes("encoding/uk-utf-8.xml")
        let document = try DocumentDecoder.decode(bytes, contentType: "application/rss+xml; charset=utf-8")
        #expect(document.utf8 == bytes)
        #expect(document.warnings.isEmpty)
    }
}
