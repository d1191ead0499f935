import Testing
@testable import VisnykKit

struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Перший абзац.</p><p>Другий   абзац\n із   переносом.</p>", "Перший абзац.\n\nДругий абзац із переносом."),
        ("<p>&nbsp;</p><p>a</p><p>&nbsp;</p><p> </p>", "a"),
        ("a<br>b<br><br>c<br><br><br><br>d<br>", "a\nb\n\nc\n\nd"),
        ("<div>one</div><div>two</div>three<span>four</span>", "one\ntwo\nthreefour"),
        ("<ul><li>a</li><li>b <b>bold</b></li></ul>after", "a\nb bold\n\nafter"),
        ("<h1>Title</h1>Body", "Title\n\nBody"),
        ("<script>var x = \"<p>\";</script><style>p{}</style><template><p>t</p></template>visible<!-- hidden -->", "visible"),
        ("<table><tr><th>h1</th><th>h2</th></tr><tr><td>a</td><td>b</td></tr></table>", "h1 h2\na b"),
        ("<pre>line 1\n  line 2\n\n\n\nline 3</pre>", "line 1\nline 2\n\nline 3"),
        ("AT&amp;T &lt;tag&gt; &quot;q&quot; &#8212; &hellip; caf&eacute;", "AT&T <tag> \"q\" — … café"),
        ("<blockquote><p>quote</p></blockquote><p>after</p>", "quote\n\nafter"),
        ("  leading and trailing spaces  ", "leading and trailing spaces"),
        ("<b>a</b><i>b</i> <u>c</u>", "ab c"),
        ("<p>a<br></p><p>b</p>", "a\n\nb"),
        ("<title>Doc</title><p>x</p>", "x"),
        ("<video>Your browser does not support video</video>text", "text"),
        ("<svg><text>svg text</text></svg>text", "text"),
        ("<svg><p>breaks out</p></svg>", "breaks out"),
        ("<img src=x alt=\"alt text\">text", "text"),
        ("x<hr>y", "x\n\ny"),
        ("<p>a</p>\n\n\n<p>b</p>", "a\n\nb"),
        ("<div><p>nested</p></div><div>x</div>", "nested\n\nx"),
        ("<textarea>secret</textarea>ok", "ok"),
        ("<select><option>1</option></select>ok", "ok"),
        ("<noscript>enable js</noscript>ok", "ok"),
        ("a\r\nb\u{0}c", "a bc"),
        ("<p>a\tb\u{0C}c</p>", "a b c"),
        ("5 < 6 & 7 > 3", "5 < 6 & 7 > 3"),
        ("<xmp><b>shown</b></xmp>", "<b>shown</b>"),
        ("<!DOCTYPE html><html><head><title>T</title><style>x</style></head><body><p>B</p></body></html>", "B"),
        ("", ""),
        ("<p></p><div>   </div>", ""),
    ])
    func text(html: String, expected: String) {
        #expect(HTMLText.text(fromHTML: html) == expected)
    }

    @Test(arguments: [
        ("<b>Новини</b> &laquo;дня&raquo;", "Новини «дня»"),
        ("  Line\none <br> two\t\tthree  ", "Line one two three"),
        ("<p>a</p><p>b</p>", "a b"),
        ("Tom &amp; Jerry &lt;3", "Tom & Jerry <3"),
        ("A&nbsp;&nbsp;B", "A B"),
        ("x<script>alert(1)</script>y", "xy"),
        ("Plain title", "Plain title"),
    ])
    func inlineText(html: String, expected: String) {
        #expect(HTMLText.inlineText(fromHTML: html) == expected)
    }

    @Test func leopolisStyleArticle() {
        let html = """
            <p><strong>Львівська міська рада</strong> ухвалила рішення щодо&nbsp;ремонту доріг.</p>
            <p><img src="/p.jpg" alt=""></p>
            <!-- wp:paragraph -->
            <p>Не пропустіть важливе!</p>
            <script>window.ads = [];</script>
            <p>Читайте нас на <a href="https://t.me/x">Телеграм</a> каналі</p>
            """
        #expect(HTMLText.text(fromHTML: html) == """
            Львівська міська рада ухвалила рішення щодо ремонту доріг.

            Не пропустіть важливе!

            Читайте нас на Телеграм каналі
            """)
    }

    @Test func deepNestingDoesNotHurt() {
        let html = String(repeating: "<div><span>", count: 50_000) + "x" + String(repeating: "</span></div>", count: 50_000)
        #expect(HTMLText.text(fromHTML: html) == "x")
        let svg = String(repeating: "<svg><g>", count: 50_000) + "hidden"
        #expect(HTMLText.text(fromHTML: "a" + svg) == "a")
    }

    @Test func neverEmptyLinesAtEndsOrTwoInARow() {
        var rng = HTMLTestRandom(seed: 3)
        let pieces = ["<p>", "</p>", "<br>", "<div>", "</div>", " ", "\n", "&nbsp;", "word", "<li>", "<table><tr><td>", "<pre>\n\n</pre>", "<hr>"]
        for _ in 0..<2000 {
            var html = ""
            for _ in 0..<(1 + rng.next() % 20) { html += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let text = HTMLText.text(fromHTML: html)
            #expect(!text.hasPrefix("\n") && !text.hasSuffix("\n") && !text.contains("\n\n\n"), "\(html)")
            #expect(!text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  ") && !text.contains(" \n") && !text.contains("\n "), "\(html)")
        }
    }
}
