import Foundation
import Testing
@testable import VisnykKit

/// Charsets end to end: the bytes of Fixtures/feeds/enc-*.xml (written by make_encoded.py)
/// must give the same Ukrainian text whatever told the parser their encoding.
@Suite struct EncodingParseTests {
    static let title = "Ґанок і їжак: єдність"
    static let body = "Київ, Львів, Одеса: новини з усієї України: їжак, ґудзик, є, ї, і. "
        + "Щоденний огляд подій і коментарі редакції."

    private func expectDecoded(_ parsed: ParsedFeed, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(parsed.feed.title == "Кодування", sourceLocation: sourceLocation)
        #expect(parsed.entries.count == 1, sourceLocation: sourceLocation)
        #expect(parsed.entries.first?.title == Self.title, sourceLocation: sourceLocation)
        #expect(parsed.entries.first?.text == Self.body, sourceLocation: sourceLocation)
        #expect(parsed.entries.first?.summary == "<p>" + Self.body + "</p>", sourceLocation: sourceLocation)
    }

    @Test func windows1251DeclaredInTheXMLDeclaration() throws {
        expectDecoded(try ParseFixture.parse("feeds/enc-windows-1251-declared.xml"))
    }

    @Test func windows1251GivenOnlyByTheHTTPCharset() throws {
        expectDecoded(try ParseFixture.parse("feeds/enc-windows-1251-http-only.xml",
                                             contentType: "application/rss+xml; charset=windows-1251"))
        expectDecoded(try ParseFixture.parse("feeds/enc-windows-1251-http-only.xml",
                                             contentType: "text/xml; charset=\"CP1251\""))
    }

    @Test func windows1251Undeclared() throws {
        expectDecoded(try ParseFixture.parse("feeds/enc-windows-1251-undeclared.xml"))
    }

    @Test func koi8UDeclared() throws {
        expectDecoded(try ParseFixture.parse("feeds/enc-koi8-u.xml"))
    }

    @Test func utf16WithByteOrderMark() throws {
        expectDecoded(try ParseFixture.parse("feeds/enc-utf-16le-bom.xml"))
        expectDecoded(try ParseFixture.parse("feeds/enc-utf-16be-bom.xml"))
    }

    @Test func byteOrderMarkBeatsTheDeclaration() throws {
        expectDecoded(try ParseFixture.parse("feeds/enc-utf-8-bom-declared-1251.xml"))
    }

    @Test func byteOrderMarkBeatsTheHTTPCharset() throws {
        expectDecoded(try ParseFixture.parse("feeds/enc-utf-16le-bom.xml", contentType: "text/xml; charset=windows-1251"))
    }

    @Test func jsonFeedInWindows1251ByHTTPCharset() throws {
        let json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Кодування\",\"items\":[{\"id\":\"1\",\"title\":\"\(Self.title)\",\"content_text\":\"\(Self.body)\"}]}"
        let bytes = try #require(json.data(using: .windowsCP1251))
        let parsed = try ParseFixture.parse(bytes: [UInt8](bytes), contentType: "application/feed+json; charset=windows-1251")
        #expect(parsed.entries.first?.title == Self.title)
        #expect(parsed.entries.first?.text == Self.body)
    }
}
