import Testing
@testable import VisnykKit

struct LegacyEncodingGuesserTests {
    static let portuguese = "A informação não está disponível; a sessão começa às três horas, São Paulo."
    static let german = "Die Größe der Übersetzung ärgert König Müller nicht, später mehr."

    /// Encodes with Visnyk's own tables (the fixtures cover Python's encoders separately).
    static func encode(_ text: String, as name: String) throws -> [UInt8] {
        let page = try #require(SingleByteCodePage(canonicalName: name))
        var reverse: [UInt32: UInt8] = [:]
        for byte in (0x80...0xFF).reversed() { reverse[page.scalar(for: UInt8(byte))] = UInt8(byte) }
        return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : reverse[$0.value] ?? 0x3F }
    }

    @Test(arguments: [
        (EncodingSamples.ukrainian, "windows-1251"), (EncodingSamples.russian, "windows-1251"),
        (EncodingSamples.ukrainianPlain, "KOI8-U"), (EncodingSamples.russianPlain, "KOI8-R"),
        (EncodingSamples.ukrainianNoGhe, "ISO-8859-5"), (EncodingSamples.russianPlain, "ISO-8859-5"),
        (EncodingSamples.russianPlain, "IBM866"),
        (EncodingSamples.french, "windows-1252"), (portuguese, "windows-1252"), (german, "windows-1252"),
    ])
    func guessesTheEncodingOfText(text: String, encoding: String) throws {
        let bytes = try Self.encode(EncodingSamples.feed(text), as: encoding)
        #expect(bytes.withUnsafeBufferPointer { LegacyEncodingGuesser.guess($0) } == encoding)
    }

    @Test func shortHeadlineIsStillCyrillic() throws {
        let bytes = try Self.encode("<title>Новини Львова</title>", as: "windows-1251")
        #expect(bytes.withUnsafeBufferPointer { LegacyEncodingGuesser.guess($0) } == "windows-1251")
    }
}
