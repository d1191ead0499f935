import Testing
@testable import VisnykKit

struct HTMLSanitizerTests {
    let base = "https://example.org/news/item/"

    @Test func nulAndCarriageReturns() {
        #expect(HTMLSanitizer.sanitize("<p>a\u{0}b</p>", baseURL: nil) == "<p>ab</p>")
        #expect(HTMLSanitizer.sanitize("a\r\nb\rc", baseURL: nil) == "a\nb\nc")
        #expect(HTMLSanitizer.sanitize("<a href=\"java\u{0}script:alert(1)\">x</a>", baseURL: nil) == "<a>x</a>")
        #expect(HTMLSanitizer.sanitize("<a href=\"\u{0}javascript:alert(1)\">x</a>", baseURL: base) == "<a>x</a>")
        #expect(HTMLSanitizer.sanitize("<scr\u{0}ipt>alert(1)</scr\u{0}ipt>", baseURL: nil) == "alert(1)")
        #expect(HTMLSanitizer.sanitize("<img src=\"\u{1}\u{2} javascript:alert(1)\">", baseURL: nil) == "<img>")
        #expect(HTMLSanitizer.sanitize("<a href=\"java\u{0B}script:alert(1)\">x</a>", baseURL: nil) == "<a>x</a>")
        #expect(HTMLSanitizer.sanitize("<a href=\"\u{A0}javascript:alert(1)\">x</a>", baseURL: nil) == "<a>x</a>")
    }

    @Test func withoutBaseRelativeURLsStayRelative() {
        #expect(HTMLSanitizer.sanitize("<a href=\"../a?b=1&amp;c=2\">x</a>", baseURL: nil) == "<a href=\"../a?b=1&amp;c=2\">x</a>")
        #expect(HTMLSanitizer.sanitize("<img src=\"//cdn.example.org/i.png\">", baseURL: nil) == "<img src=\"//cdn.example.org/i.png\">")
        #expect(HTMLSanitizer.sanitize("<a href=x>x</a>", baseURL: "relative/base") == "<a href=\"x\">x</a>")
        #expect(HTMLSanitizer.sanitize("<a href=x>x</a>", baseURL: "") == "<a href=\"x\">x</a>")
    }

    @Test func aHostileBaseCannotMakeRelativeLinksDangerous() {
        #expect(HTMLSanitizer.sanitize("<a href=x>x</a>", baseURL: "javascript:alert(1)//") == "<a>x</a>")
        #expect(HTMLSanitizer.sanitize("<img src=x>", baseURL: "data:text/html,a/") == "<img>")
        #expect(HTMLSanitizer.sanitize("<a href=\"https://ok/\">x</a>", baseURL: "javascript:alert(1)//") == "<a href=\"https://ok/\">x</a>")
    }

    @Test func relativeURLsInEveryURLAttribute() {
        let html = "<a href=a>1</a><img src=b srcset=\"c 1x, /d 2x\"><blockquote cite=../e>q</blockquote>"
            + "<video poster=f src=g><track src=h></video>"
        #expect(HTMLSanitizer.sanitize(html, baseURL: "https://example.org/x/y") ==
            "<a href=\"https://example.org/x/a\">1</a><img src=\"https://example.org/x/b\" srcset=\"https://example.org/x/c 1x, https://example.org/d 2x\">"
            + "<blockquote cite=\"https://example.org/e\">q</blockquote>"
            + "<video poster=\"https://example.org/x/f\" src=\"https://example.org/x/g\" controls=\"\"><track src=\"https://example.org/x/h\"></video>")
    }

    @Test func emptyMediaURLsAreDroppedButEmptyLinksPointAtTheBase() {
        #expect(HTMLSanitizer.sanitize("<img src=\"  \" alt=a>", baseURL: base) == "<img alt=\"a\">")
        #expect(HTMLSanitizer.sanitize("<video src=\"\" poster></video>", baseURL: base) == "<video controls=\"\"></video>")
        #expect(HTMLSanitizer.sanitize("<a href=\"\">x</a>", baseURL: base) == "<a href=\"\(base)\">x</a>")
    }

    @Test func nestingBombIsFlatAndBalanced() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth)
        let output = HTMLSanitizer.sanitize(html, baseURL: nil)
        let opened = HTMLSanitizerRun.maxOpenElements
        #expect(output == String(repeating: "<div>", count: opened) + "x" + String(repeating: "</div>", count: opened))
        let unclosed = String(repeating: "<b><i><svg><object>", count: 30_000) + "y"
        #expect(SanitizedOutputCheck.problems(HTMLSanitizer.sanitize(unclosed, baseURL: nil)) == [])
        let tables = String(repeating: "<table><tr><td><a href=x>", count: 30_000)
        #expect(SanitizedOutputCheck.problems(HTMLSanitizer.sanitize(tables, baseURL: nil)) == [])
    }

    @Test func cyrillicTextPassesUnchanged() {
        let html = "<p>Львівська міська рада ухвалила рішення — «так».</p>"
        #expect(HTMLSanitizer.sanitize(html, baseURL: base) == html)
    }

    @Test func emptyAndPlainInput() {
        #expect(HTMLSanitizer.sanitize("", baseURL: base) == "")
        #expect(HTMLSanitizer.sanitize("just text", baseURL: base) == "just text")
    }

    /// Random tag soup from hostile pieces: output always passes the independent check and
    /// is a fixed point.
    @Test func randomTagSoupIsSafeAndIdempotent() {
        let pieces = [
            "<", ">", "/", "\"", "'", "=", " ", "&", "#", ";", "-", "!", "?", "[", "]", "\u{0}", "\n", "\t",
            "<a href=", "javascript:", "java\tscript:", "&#106;", "&#x09;", "&colon;", "<script>", "</script>",
            "<svg>", "</svg>", "<math>", "<mtext>", "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>",
            "<img src=x onerror=alert(1)>", "<p>", "</p>", "<table>", "<td>", "<tr>", "<li>", "<b>", "</b>",
            "<textarea>", "</textarea>", "<noscript>", "</noscript>", "<title>", "<iframe>", "<object>",
            "onclick=", "style=", "srcset=", "data:image/png;base64,AAAA", "data:text/html,", "<foreignObject>",
            "<template>", "<plaintext>", "</", "<!DOCTYPE html>", "<?x ?>", "&amp;", "&lt;", "Київ", "<br/>",
            "<a href=\"http://ok/\">", "</a>", "<xmp>", "<select>", "<option>", "<div>", "</div>", "<h1>", "</h3>",
        ]
        var rng = HTMLTestRandom(seed: 7)
        for _ in 0..<3000 {
            var html = ""
            for _ in 0..<(1 + rng.next() % 24) { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let output = HTMLSanitizer.sanitize(html, baseURL: base)
            #expect(SanitizedOutputCheck.problems(output) == [], "\(html)")
            #expect(HTMLSanitizer.sanitize(output, baseURL: base) == output, "\(html)")
        }
    }

    @Test func outputCheckRecognizesUnsafeHTML() {
        #expect(!SanitizedOutputCheck.problems("<script>x</script>").isEmpty)
        #expect(!SanitizedOutputCheck.problems("<a href=\"java&#9;script:x\">x</a>").isEmpty)
        #expect(!SanitizedOutputCheck.problems("<p onclick=\"x\">x</p>").isEmpty)
        #expect(!SanitizedOutputCheck.problems("<b><i></b></i>").isEmpty)
        #expect(!SanitizedOutputCheck.problems("<p>").isEmpty)
    }
}

struct HTMLTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
