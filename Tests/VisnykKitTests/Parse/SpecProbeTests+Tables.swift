import Foundation
import Testing
@testable import VisnykKit

/// The table-shaped spec probes: sanitization, RFC 3986 §5.4's examples, and date syntaxes.
extension SpecProbeTests {
    // MARK: Sanitization

    @Test(arguments: [
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ("<style>p{color:red}</style><p>x</p>", "<p>x</p>"),
        ("<iframe src=\"http://evil/\"></iframe>ok", "ok"),
        ("<object data=\"x.swf\"><param name=\"a\" value=\"b\"></object><embed src=\"y.swf\">ok", "ok"),
        ("<form action=\"/x\"><input name=\"q\"><button>go</button></form>ok", "ok"),
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"vbscript:msgbox\">x</a>", "<a>x</a>"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "<a>x</a>"),
        ("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"),
        ("<img src=\"x.png\" onerror=\"alert(1)\" onload=\"y()\">", "<img src=\"http://b.example/dir/x.png\">"),
        ("<p style=\"background:url(javascript:alert(1))\">s</p>", "<p>s</p>"),
        ("<div onclick=\"x()\">d</div>", "<div>d</div>"),
        ("<svg><script>alert(1)</script></svg>ok", "ok"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=http://evil/\"><link rel=\"stylesheet\" href=\"x.css\">ok", "ok"),
        ("<base href=\"http://evil/\"><a href=\"p\">p</a>", "<a href=\"http://b.example/dir/p\">p</a>"),
        ("<!-- comment --><p>c</p>", "<p>c</p>"),
        ("<scr<script>x</script>ipt>alert(1)</script>", "xipt&gt;alert(1)"),
        ("<IMG SRC=JaVaScRiPt:alert(1)>", "<img>"),
        ("<applet code=\"x\"></applet>ok", "ok"),
        ("<a href=\"mailto:a@b.c\">m</a>", "<a href=\"mailto:a@b.c\">m</a>"),
        ("<a href=\"/rel\" title=\"t\">r</a>", "<a href=\"http://b.example/rel\" title=\"t\">r</a>"),
        ("<a href=\"//cdn.example/x\">pr</a>", "<a href=\"http://cdn.example/x\">pr</a>"),
        ("<img src=\"i.png\" srcset=\"a.png 1x, /b.png 2x\">",
         "<img src=\"http://b.example/dir/i.png\" srcset=\"http://b.example/dir/a.png 1x, http://b.example/b.png 2x\">"),
        ("<blockquote cite=\"/c\">q</blockquote>", "<blockquote cite=\"http://b.example/c\">q</blockquote>"),
        ("<img src=\"http://e.org/i.png\" width=\"10\" height=\"20\" alt=\"A\">", "<img src=\"http://e.org/i.png\" width=\"10\" height=\"20\" alt=\"A\">"),
        ("<table><tr><td>c</td></tr></table>", "<table><tr><td>c</td></tr></table>"),
        ("<p>unclosed <b>bold", "<p>unclosed <b>bold</b></p>"),
    ])
    func sanitizedSummary(html: String, expected: String) throws {
        let e = try item("<title>t</title><description><![CDATA[\(html)]]></description>", base: "http://b.example/dir/feed.xml")
        #expect(e.summary == expected)
    }

    // MARK: RFC 3986 §5.4 reference resolution, via xml:base

    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"), (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
    ])
    func referenceResolution(reference: String, expected: String) throws {
        #expect(try entry("<link href=\"\(reference)\"/>", attrs: " xml:base=\"http://a/b/c/d;p?q\"").link == expected)
    }

    // MARK: Dates

    @Test(arguments: [
        ("Sun, 19 May 2002 15:21:36 GMT", "2002-05-19T15:21:36Z"), ("Sat, 07 Sep 2002 00:00:01 +0200", "2002-09-06T22:00:01Z"),
        ("Sat, 07 Sep 2002 00:00:01 EST", "2002-09-07T05:00:01Z"), ("Sat, 07 Sep 2002 10:11:12 PDT", "2002-09-07T17:11:12Z"),
        ("Tue, 10 Jun 2003 04:00:00 CST", "2003-06-10T10:00:00Z"), ("Tue, 10 Jun 2003 04:00:00 UT", "2003-06-10T04:00:00Z"),
        ("Tue, 10 Jun 2003 04:00:00 +0530", "2003-06-09T22:30:00Z"), ("Tue, 10 Jun 2003 04:00:00 -0800", "2003-06-10T12:00:00Z"),
        ("Sat, 07 Sep 02 00:00:01 GMT", "2002-09-07T00:00:01Z"), ("Tue, 10 Jun 99 04:00:00 GMT", "1999-06-10T04:00:00Z"),
        ("Sat, 07 Sep 2002 10:11 GMT", "2002-09-07T10:11:00Z"), ("07 Sep 2002 10:11:12 +0000", "2002-09-07T10:11:12Z"),
        ("Tue, 1 Jun 2003 04:00:00 GMT", "2003-06-01T04:00:00Z"), ("Tue, 10 jun 2003 04:00:00 gmt", "2003-06-10T04:00:00Z"),
        // RFC 2822 §4.3: military zones were specified backwards in RFC 822; read them as -0000.
        ("Tue, 10 Jun 2003 04:00:00 A", "2003-06-10T04:00:00Z"),
    ])
    func rfc822PubDate(raw: String, expected: String) throws {
        #expect(ParseFixture.rfc3339(try item("<title>t</title><pubDate>\(raw)</pubDate>").published) == expected)
    }

    @Test func unparseableDatesAreOmitted() throws {
        #expect(try item("<title>t</title><pubDate>not a date</pubDate>").published == nil)
        #expect(try item("<title>t</title><pubDate>Tue, 31 Feb 2003 04:00:00 GMT</pubDate>").published == nil)
        #expect(try entry("").updated != nil)
        #expect(try #require(try atom("<entry><id>u</id><updated>2003-02-30T00:00:00Z</updated></entry>").entries.first).updated == nil)
    }

    @Test(arguments: [
        ("2003-12-13T18:30:02Z", "2003-12-13T18:30:02Z"), ("2003-12-13T18:30:02.25Z", "2003-12-13T18:30:02Z"),
        ("2003-12-13T18:30:02+01:00", "2003-12-13T17:30:02Z"), ("2003-12-13T18:30:02-08:00", "2003-12-14T02:30:02Z"),
        ("2003-12-13t18:30:02z", "2003-12-13T18:30:02Z"), ("  2003-12-13T18:30:02Z  ", "2003-12-13T18:30:02Z"),
        ("2003-12-13T18:30:02.999+05:30", "2003-12-13T13:00:02Z"), ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ("2003-12-13", "2003-12-13T00:00:00Z"),
    ])
    func rfc3339Updated(raw: String, expected: String) throws {
        let e = try #require(try atom("<entry><id>u</id><updated>\(raw)</updated></entry>").entries.first)
        #expect(ParseFixture.rfc3339(e.updated) == expected)
    }

    @Test func scriptURLsNeverBecomeLinksEnclosuresOrURIs() throws {
        #expect(try item("<link>javascript:alert(1)</link>").link == nil)
        #expect(try item("<enclosure url=\"javascript:alert(1)\" type=\"audio/mpeg\" length=\"1\"/>").enclosures.isEmpty)
        #expect(try entry("<link href=\"javascript:alert(1)\"/>").link == nil)
        #expect(try entry("<author><name>n</name><uri>javascript:x</uri></author>").authors == [Author(name: "n")])
        #expect(try json(["items": [["id": "1", "url": "javascript:alert(1)", "content_text": "x"]]]).entries.first?.link == nil)
        #expect(try item("<description>&lt;a href=\"&amp;#x6A;avascript:alert(1)\"&gt;x&lt;/a&gt;&lt;img src=\"vbscript:x\"&gt;</description>").summary == "<a>x</a><img>")
    }

    @Test func everyHTMLFieldIsSanitized() throws {
        #expect(try item("<description>&lt;SCRIPT&gt;x&lt;/SCRIPT&gt;&lt;P ONCLICK=\"y\"&gt;z&lt;/P&gt;</description>").summary == "<p>z</p>")
        let xhtml = try entry("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script><p onclick=\"x\">p</p><a href=\"javascript:x\">j</a></div></content>")
        #expect(xhtml.content == "<p>p</p><a>j</a>")
        #expect(try entry("<summary type=\"html\">&lt;iframe src=\"x\"&gt;&lt;/iframe&gt;&lt;b&gt;ok&lt;/b&gt;</summary>").summary == "<b>ok</b>")
        let channel = "<rss version=\"2.0\"><channel><title>T</title><description>&lt;script&gt;x&lt;/script&gt;&lt;b onclick=\"y\"&gt;d&lt;/b&gt;</description></channel></rss>"
        #expect(try ParseFixture.parse(string: channel).feed.description == "<b>d</b>")
        #expect(try item("<description>&lt;span style=\"background-image:url(http://evil/x)\"&gt;s&lt;/span&gt;</description>").summary == "<span>s</span>")
    }
}
