import Testing
@testable import VisnykKit

/// `sanitizeAndExtractText` must give exactly what sanitizing and then extracting text from
/// the sanitized HTML gives.
struct HTMLSanitizerTextTests {
    static let base = "https://example.org/news/item/"

    private func expectAgreement(_ html: String, baseURL: String? = base, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let sanitized = HTMLSanitizer.sanitize(html, baseURL: baseURL)
        let combined = HTMLSanitizer.sanitizeAndExtractText(html, baseURL: baseURL)
        #expect(combined.html == sanitized, "\(html)", sourceLocation: sourceLocation)
        #expect(combined.text == HTMLText.text(fromHTML: sanitized), "\(html)", sourceLocation: sourceLocation)
    }

    @Test func agreesOnEveryFixtureCase() {
        #expect(HTMLSanitizerFixtureTests.cases.count >= 180)
        for c in HTMLSanitizerFixtureTests.cases { expectAgreement(c.input) }
    }

    @Test func agreesOnArticleShapes() {
        expectAgreement("<p>Перший абзац.</p><p>Другий   абзац\n із   переносом.</p>")
        expectAgreement("<h2>Title</h2><ul><li>a</li><li>b <b>bold</b></ul>after<table><tr><th>h</th><td>c</td></table>")
        expectAgreement("<pre>line 1\n  line 2\n\n\n\nline 3</pre><p>AT&amp;T &lt;tag&gt; &#8212; caf&eacute;&nbsp;x</p>")
        expectAgreement("<video src=v.mp4>fallback <video>inner</video> still</video>after<audio>a</audio><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>")
        expectAgreement("<pre>a&#13;<foo>\nb</pre>x&#13;<span>\ny</span>")
        expectAgreement("a &nvlt; b &nvgt; c &bne; d")
        expectAgreement("  \n <p> spaced </p>\n  ")
        expectAgreement("", baseURL: nil)
        expectAgreement("x</br>y<br/>z", baseURL: nil)
    }

    @Test func agreesOnRandomTagSoup() {
        let pieces = [
            "<", ">", "/", "\"", "=", " ", "&", "#", ";", "\u{0}", "\n", "\r", "\r\n", "\t", "\u{A0}", "&nbsp;", "&#13;",
            "&#10;", "&nvlt;", "&amp;", "&lt;", "&gt;", "&", "Київ", "word", "<p>", "</p>", "<pre>", "</pre>",
            "<listing>", "</listing>", "<br>", "</br>", "<br/>", "<video>", "</video>", "<audio>", "</audio>",
            "<rp>", "</rp>", "<ruby>", "<rt>", "<table>", "</table>", "<tr>", "<td>", "<th>", "</td>", "<li>",
            "<ul>", "</ul>", "<div>", "</div>", "<h1>", "</h3>", "<blockquote>", "<hr>", "<img src=x>",
            "<a href=\"/x\">", "</a>", "<script>", "</script>", "<svg>", "</svg>", "<math>", "<mtext>",
            "<textarea>", "</textarea>", "<plaintext>", "<xmp>", "</xmp>", "<foo>", "</foo>", "<!--", "-->",
            "<select>", "<option>", "<section>", "<figure>", "<figcaption>", "<source>", "<track>", "<dl><dt>", "<dd>",
        ]
        var rng = HTMLTestRandom(seed: 11)
        for _ in 0..<4000 {
            var html = ""
            for _ in 0..<(1 + rng.next() % 30) { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
            expectAgreement(html)
        }
    }

    /// Output strings are made without validating them again (debug builds assert that they
    /// are valid UTF-8): references and multi-byte text next to every kind of cut.
    @Test func outputIsValidUTF8() {
        let pieces = [
            "&#xD800;", "&#x110000;", "&#128;", "&#x9F;", "&#0;", "&#xFFFF;", "&#x1F600;", "&notin;", "&notit;",
            "&not", "&amp", "&nvlt;", "&NotEqualTilde;", "&", "#", ";", "x", "Київ", "😀", "\u{A0}", "«", "»",
            "\u{0}", "\r", " ", "<p>", "<pre>", "<a href=\"", "\">", "<img src=", "srcset=\"a 1x, б 2x\"", "<br>",
            "java\tscript:", "/шлях/../", "?q=ї#ф", "https://Приклад.УКР/", "'", "=", "<td>", "<video>", "</",
        ]
        var rng = HTMLTestRandom(seed: 3)
        for _ in 0..<3000 {
            var html = ""
            for _ in 0..<(1 + rng.next() % 24) { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
            for base in [Self.base, nil] {
                let combined = HTMLSanitizer.sanitizeAndExtractText(html, baseURL: base)
                #expect(String(validating: Array(combined.html.utf8), as: UTF8.self) == combined.html)
                #expect(String(validating: Array(combined.text.utf8), as: UTF8.self) == combined.text)
                #expect(String(validating: Array(HTMLText.inlineText(fromHTML: html).utf8), as: UTF8.self) != nil)
            }
        }
    }
}
