import Testing
@testable import VisnykKit

struct ReferenceRepairTests {
    private func title(_ xmlTitle: String) throws -> String? {
        let xml = "<rss version=\"2.0\"><channel><title>\(xmlTitle)</title></channel></rss>"
        return try FeedParser.parse(Array(xml.utf8), options: ParseOptions()).feed.title
    }

    @Test func windows1252ControlReferencesMeanThatCodePage() throws {
        #expect(try title("&#150; &#147;q&#148; &#x80;5 &#153;") == "– “q” €5 ™")
    }

    @Test func htmlNamesAndBareAmpersandsAreRepaired() throws {
        #expect(try title("Caf&eacute; &amp; bar & baz &nbsp;x") == "Café & bar & baz \u{A0}x")
    }

    @Test func referencesXMLForbidsBecomeReplacementCharacters() throws {
        #expect(try title("a&#0;b&#xD800;c") == "a\u{FFFD}b\u{FFFD}c")
    }
}
