import Testing
@testable import VisnykKit

struct HTMLEntitiesTests {
    @Test func tableHasTheWholeWHATWGList() {
        #expect(HTMLEntities.table.count == 2231)
        #expect(HTMLEntities.lookup("amp") == "&")
        #expect(HTMLEntities.lookup("nbsp") == "\u{A0}")
        #expect(HTMLEntities.lookup("CounterClockwiseContourIntegral") == "\u{2233}")
        #expect(HTMLEntities.lookup("NotEqualTilde") == "\u{2242}\u{338}")
        #expect(HTMLEntities.lookup("NewLine") == "\n")
        #expect(HTMLEntities.lookup("fjlig") == "fj")
        #expect(HTMLEntities.lookup("nosuchname") == nil)
        #expect(HTMLEntities.lookup("") == nil)
    }

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
        ("&laquo;Київ&raquo; &mdash; &#1050;&#x438;&#X457;&#1074;", "«Київ» — Київ"),
        ("&copy 2025", "© 2025"),                 // legacy name without ';'
        ("&notit;", "¬it;"),                      // longest legacy prefix
        ("&notin;", "∉"),
        ("&ampx", "&x"),
        ("&Amp;", "&Amp;"),                       // names are case-sensitive
        ("&unknown;", "&unknown;"),
        ("& amp;", "& amp;"),
        ("&", "&"),
        ("&#", "&#"),
        ("&#x;", "&#x;"),
        ("&#65", "A"),                            // missing ';' still decodes
        ("&#x41;&#X42", "AB"),
        ("&#0;", "\u{FFFD}"),
        ("&#xD800;", "\u{FFFD}"),
        ("&#x110000;", "\u{FFFD}"),
        ("&#99999999999999999999;", "\u{FFFD}"),
        ("&#x80;&#x99;&#150;&#x81;", "€™–\u{81}"),  // Windows-1252 remapping
        ("&#x1F600;", "😀"),
        ("a&b", "a&b"),
        ("&nbsp&nbsp;", "\u{A0}\u{A0}"),
    ])
    func decodesText(input: String, expected: String) {
        #expect(HTMLEntities.decode(input) == expected)
    }

    @Test func attributeRuleLeavesLegacyReferencesBeforeEqualsOrAlphanumerics() {
        #expect(HTMLEntities.decode("?a=1&copy=2", inAttribute: true) == "?a=1&copy=2")
        #expect(HTMLEntities.decode("?a=1&copyx", inAttribute: true) == "?a=1&copyx")
        #expect(HTMLEntities.decode("?a=1&copy;=2", inAttribute: true) == "?a=1©=2")
        #expect(HTMLEntities.decode("&copy 2", inAttribute: true) == "© 2")
        #expect(HTMLEntities.decode("x&copy=2", inAttribute: false) == "x©=2")
        #expect(HTMLEntities.decode("&lang=uk", inAttribute: true) == "&lang=uk")
    }

    @Test func stringsWithoutAmpersandComeBackUnchanged() {
        let s = "Звичайний текст без посилань"
        #expect(HTMLEntities.decode(s) == s)
    }

    @Test func escaping() {
        #expect(HTMLEscaping.escapeText("a < b & c > \"d\"") == "a &lt; b &amp; c &gt; \"d\"")
        #expect(HTMLEscaping.escapeAttribute("a < b & c > \"d\" 'e'") == "a &lt; b &amp; c &gt; &quot;d&quot; 'e'")
        #expect(HTMLEscaping.escapeText("Київ") == "Київ")
    }
}
