import Testing
@testable import VisnykKit

struct DocumentDecoderWidePatternTests {
    @Test func utf16PatternBeatsAnASCIICharsetFromHTTP() throws {
        let bytes = Array(EncodingSamples.feed("Київ", encoding: "UTF-16").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let (text, document) = try EncodingSamples.decode(bytes, contentType: "text/xml; charset=windows-1251")
        #expect(document.encoding == "UTF-16LE")
        #expect(text == EncodingSamples.feed("Київ", encoding: "UTF-16"))
        #expect(document.warnings == ["the byte pattern says UTF-16LE; ignored charset windows-1251 from the HTTP Content-Type"])
    }
}
