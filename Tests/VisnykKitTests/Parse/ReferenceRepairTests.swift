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

    @Test func internalEntitiesWithPlainValuesAreExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY brand "Вісник &amp; &#169;">
              <!ENTITY q 'say "hi"'>
              <!ENTITY nested "&brand;&brand;">
              <!ENTITY ext SYSTEM "file:///etc/hostname">
              <!ENTITY % pe "x">
            ]>
            <rss version="2.0"><channel><title>&brand; &q; &nested; &ext;</title>
            <item><title>i</title><enclosure url="http://e.example/?q=&q;" type="a/b"/></item></channel></rss>
            """
        let parsed = try FeedParser.parse(Array(xml.utf8), options: ParseOptions())
        #expect(parsed.feed.title == "Вісник & © say \"hi\" &nested; &ext;")
        #expect(parsed.entries.first?.enclosures.first?.url == "http://e.example/?q=say \"hi\"")
    }

    @Test func expansionStopsAtOneMebibyte() throws {
        let value = String(repeating: "a", count: 60_000)
        let xml = "<!DOCTYPE rss [<!ENTITY big \"\(value)\">]><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>i</title><description>" + String(repeating: "&big;", count: 100) + "</description></item></channel></rss>"
        let parsed = try FeedParser.parse(Array(xml.utf8), options: ParseOptions())
        let summary = try #require(parsed.entries.first?.summary)
        #expect(summary.utf8.count <= XMLReferenceRepair.Scanner.maximumExpansion + 6 * 100)
        #expect(summary.contains("&amp;big;"), "references past the budget stay literal")
    }
}
