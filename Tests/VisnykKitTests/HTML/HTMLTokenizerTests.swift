import Testing
@testable import VisnykKit

/// Renders the token stream compactly so that tests can state it in one string.
func htmlTokenDump(_ html: String) -> String {
    Array(html.utf8).withUnsafeBufferPointer { htmlTokenDump(HTMLTokenizer($0)) }
}

private func htmlTokenDump(_ tokenizer: HTMLTokenizer) -> String {
    var tokenizer = tokenizer
    var parts: [String] = []
    func slice(_ r: Range<Int>) -> String { String(decoding: tokenizer.bytes[r], as: UTF8.self) }
    while let token = tokenizer.next() {
        switch token {
        case .text(let r): parts.append("T(\(slice(r)))")
        case .rawText(let r): parts.append("R(\(slice(r)))")
        case .comment(let r): parts.append("C(\(slice(r)))")
        case .doctype: parts.append("D")
        case .endTag: parts.append("</\(tokenizer.tagName)>")
        case .startTag:
            let attributes = tokenizer.attributes.map { " \(tokenizer.name(of: $0))=\(slice($0.value))" }.joined()
            parts.append("<\(tokenizer.tagName)\(attributes)\(tokenizer.selfClosing ? "/" : "")>")
        }
    }
    return parts.joined(separator: "|")
}

struct HTMLTokenizerTests {
    @Test(arguments: [
        ("<p>Hi</p>", "<p>|T(Hi)|</p>"),
        ("<DIV Class=A>x</Div>", "<div class=A>|T(x)|</div>"),
        ("<a href='x' title=\"y\" data-z=w checked>", "<a href=x title=y data-z=w checked=>"),
        ("<a href=1 HREF=2>", "<a href=1>"),                       // first attribute wins
        ("<br/><img src=x />", "<br/>|<img src=x/>"),
        ("<a href=x/>", "<a href=x/>"),                           // unquoted value takes the slash
        ("<a b = \"c\" d= e>", "<a b=c d=e>"),
        ("<a \"x\"=y>", "<a \"x\"=y>"),
        ("<a =x>", "<a =x=>"),
        ("<a href=\"x\"onclick=\"y\">", "<a href=x onclick=y>"),
        ("a < b and c<3", "T(a < b and c<3)"),
        ("x <", "T(x <)"),
        ("<!-- c -->t", "C( c )|T(t)"),
        ("<!-->t", "C()|T(t)"),
        ("<!--->t", "C()|T(t)"),
        ("<!---->t", "C()|T(t)"),
        ("<!-- a --!>t", "C( a )|T(t)"),
        ("<!-- <script> -->t", "C( <script> )|T(t)"),
        ("<!-- open", "C( open)"),
        ("<!-x>t", "C(-x)|T(t)"),
        ("<?xml version=\"1.0\"?>t", "C(?xml version=\"1.0\"?)|T(t)"),
        ("</ x>t", "C( x)|T(t)"),
        ("</>t", "T(t)"),
        ("<!DOCTYPE html>t", "D|T(t)"),
        ("<![CDATA[x]]>t", "C([CDATA[x]])|T(t)"),
        ("<p>x<b", "<p>|T(x)"),                                   // tag cut off at the end
        ("<a href=\"x", ""),
        ("<script>if (a<b) document.write('</p>')</script>x", "<script>|R(if (a<b) document.write('</p>'))|</script>|T(x)"),
        ("<script>a</scriptx></SCRIPT >b", "<script>|R(a</scriptx>)|</script>|T(b)"),
        ("<script><!--<script></script>still</script>x", "<script>|R(<!--<script></script>still)|</script>|T(x)"),
        ("<script><!-- a --></script>x", "<script>|R(<!-- a -->)|</script>|T(x)"),
        ("<style>p>b{}</style>", "<style>|R(p>b{})|</style>"),
        ("<title>a &amp; <b></title>", "<title>|T(a &amp; <b>)|</title>"),
        ("<textarea></textarea>", "<textarea>|</textarea>"),
        ("<xmp><b></xmp>", "<xmp>|R(<b>)|</xmp>"),
        ("<noscript><img></noscript>", "<noscript>|R(<img>)|</noscript>"),
        ("<iframe><p></iframe>", "<iframe>|R(<p>)|</iframe>"),
        ("<plaintext></plaintext><b>", "<plaintext>|R(</plaintext><b>)"),
        ("<script>never closed", "<script>|R(never closed)"),
        ("<a\u{0}b c\u{0}=d>", "<a\u{FFFD}b c\u{FFFD}=d>"),
        ("</p foo=bar>", "</p>"),
    ])
    func tokens(input: String, expected: String) {
        #expect(htmlTokenDump(input) == expected)
    }

    @Test func cdataIsTextOnlyInForeignContent() {
        Array("<![CDATA[<b>]]>x".utf8).withUnsafeBufferPointer { bytes in
            var tokenizer = HTMLTokenizer(bytes)
            tokenizer.foreignContent = true
            #expect(tokenizer.next() == .rawText(9..<12))
            #expect(tokenizer.next() == .text(15..<16))
        }
    }

    @Test func foreignContentDoesNotSwitchToRawText() {
        Array("<style><b>".utf8).withUnsafeBufferPointer { bytes in
            var tokenizer = HTMLTokenizer(bytes)
            tokenizer.foreignContent = true
            #expect(tokenizer.next() == .startTag)
            #expect(tokenizer.next() == .startTag)
            #expect(tokenizer.tagName == "b")
        }
    }

    @Test func manyAttributesStayBounded() {
        let html = "<p " + (0..<10_000).map { "a\($0)=1 " }.joined() + ">"
        Array(html.utf8).withUnsafeBufferPointer { bytes in
            var tokenizer = HTMLTokenizer(bytes)
            #expect(tokenizer.next() == .startTag)
            #expect(tokenizer.attributes.count == HTMLTokenizer.maxAttributes)
        }
    }
}
