import Testing
@testable import VisnykKit

struct TitleTextTests {
    @Test(arguments: [
        ("<b>Bold</b> news", "Bold news"),
        ("AT&amp;T &amp; friends", "AT&T & friends"),
        ("?page=1&copy=2;mode=x & done", "?page=1&copy=2;mode=x & done"),
        ("Caf&eacute; &#8212; &#x2019;", "Café — ’"),
        ("Using <script> tags in 2025", "Using <script> tags in 2025"),
        ("A <STYLE>b</style> c", "A <STYLE>b</style> c"),
        ("  Two\n   lines  ", "Two lines"),
        ("1 < 2 > 0", "1 < 2 > 0"),
        ("Ціна&nbsp;100&#160;грн\u{A0}— ok", "Ціна\u{A0}100\u{A0}грн\u{A0}— ok"),
    ])
    func htmlTitles(input: String, expected: String) {
        #expect(TitleText.plain(fromHTML: input) == expected)
    }

    @Test func plainTextTitlesKeepMarkupAsText() {
        #expect(TitleText.plain(fromText: "Plain <b>x</b> &amp; y") == "Plain <b>x</b> &amp; y")
    }
}
