import Testing
@testable import VisnykKit

/// Large CDATA sections and text runs reach the tree through processing instructions
/// (`XMLOffloadedText`) instead of through libxml2: the tree must be exactly the one libxml2
/// builds from them.
struct TextOffloadTests {
    private struct Parses {
        let offloaded: XMLTreeBuilder.Result?
        let plain: XMLTreeBuilder.Result
        let sections: Int
    }

    private func parseBothWays(_ xml: String) throws -> Parses {
        let bytes = Array(xml.utf8)
        let repaired = XMLReferenceRepair.repair(bytes, offloading: true)
        let plain = try XMLTreeBuilder.parse(XMLReferenceRepair.repair(bytes).bytes, documentBase: nil)
        guard let sections = repaired.offloaded else { return Parses(offloaded: nil, plain: plain, sections: 0) }
        let offloaded = XMLTreeBuilder.parseOffloaded(repaired.bytes, offloaded: sections, documentBase: nil)
        return Parses(offloaded: offloaded, plain: plain, sections: sections.sections.count)
    }

    /// The same nodes with the same text, wherever each document keeps the bytes (a section
    /// alone in its run stays in the offloaded bytes).
    private func expectSameTree(_ a: XMLTreeBuilder.Result, _ b: XMLTreeBuilder.Result) {
        #expect(nodeSummary(a.document) == nodeSummary(b.document))
        #expect(a.document.elements.map(\.line) == b.document.elements.map(\.line))
        #expect(a.limitsHit == b.limitsHit)
    }

    private func nodeSummary(_ document: XMLDocument) -> [String] {
        document.nodes.map { node in
            let content = node.element >= 0 ? "element \(node.element)" : "text \(document.string(of: node).debugDescription)"
            return "\(content), next \(node.next)"
        }
    }

    private let awkward = "<p>a ]] b ]]] &amp; & <b>Київ</b> — «цитата»\n second line\n\n</p>"

    @Test func offloadedContentEqualsLibxml2s() throws {
        let content = String(repeating: awkward, count: 8)
        let xml = "<root><a>before<![CDATA[\(content)]]>after</a><b><![CDATA[short]]></b></root>"
        let parses = try parseBothWays(xml)
        #expect(parses.sections == 1)
        let offloaded = try #require(parses.offloaded)
        expectSameTree(offloaded, parses.plain)
        #expect(offloaded.root.elements.first?.text == "before" + content + "after")
    }

    @Test func manySectionsKeepTheirOrder() throws {
        let items = (0..<500).map { "<i><![CDATA[\($0): \(String(repeating: awkward, count: 5))]]>\n</i>" }
        let parses = try parseBothWays("<root>\(items.joined())</root>")
        #expect(parses.sections == 500)
        let offloaded = try #require(parses.offloaded)
        expectSameTree(offloaded, parses.plain)
        #expect(offloaded.root.elements.last?.text.hasPrefix("499: <p>a ]]") == true)
    }

    @Test func aForgedInstructionIsIgnored() throws {
        let content = String(repeating: awkward, count: 8)
        let forged = "<?visnyk-cdata-0123456789abcdef0123456789abcdef 0?><?visnyk-cdata- 0?>"
        let parses = try parseBothWays("<root><a>\(forged)<![CDATA[\(content)]]>\(forged)</a></root>")
        let offloaded = try #require(parses.offloaded)
        expectSameTree(offloaded, parses.plain)
        #expect(offloaded.root.elements.first?.text == content)
    }

    @Test func sectionsThatMustStayWithLibxml2Stay() throws {
        let content = String(repeating: awkward, count: 8)
        let inComment = try parseBothWays("<root><!-- <![CDATA[\(content)]]> --><a/></root>")
        #expect(inComment.sections == 0)
        let withCarriageReturns = try parseBothWays("<root><![CDATA[\(content)\r\nx\ry]]></root>")
        #expect(withCarriageReturns.sections == 0)
        let unterminated = XMLReferenceRepair.repair(Array("<root><![CDATA[\(content)</root>".utf8), offloading: true)
        #expect(unterminated.offloaded == nil)
    }

    @Test func aSectionOutsideTheRootFallsBackToLibxml2() throws {
        let content = String(repeating: awkward, count: 8)
        for xml in ["<root><a>x</a></root><![CDATA[\(content)]]>", "<![CDATA[\(content)]]><root><a>x</a></root>"] {
            let repaired = XMLReferenceRepair.repair(Array(xml.utf8), offloading: true)
            let cdata = try #require(repaired.offloaded)
            #expect(XMLTreeBuilder.parseOffloaded(repaired.bytes, offloaded: cdata, documentBase: nil) == nil)
        }
        let before = "<![CDATA[\(content)]]>" + ParseFixture.rss(items: "", prolog: "")
        guard case .malformedXML(let line, _) = ParseFixture.failure(Array(before.utf8)) else {
            Issue.record("a CDATA section before the root element must fail as before")
            return
        }
        #expect(line == 1)
        let rss = ParseFixture.rss(items: "<item><title>t</title></item>") + "<![CDATA[\(content)]]>"
        let parsed = try ParseFixture.parse(string: rss)
        #expect(parsed.warnings.contains { $0.contains("recovery mode") })
        #expect(parsed.entries.count == 1)
    }

    @Test func malformedDocumentsRecoverAsWithoutOffloading() throws {
        let content = String(repeating: awkward, count: 8)
        let rss = ParseFixture.rss(items: "<item><title>t</title><description><![CDATA[\(content)]]></description></item>"
            + "<item><title>u</b></title><description><![CDATA[\(content)]]></description></item>")
        let parsed = try ParseFixture.parse(string: rss)
        #expect(parsed.warnings.contains { $0.contains("recovery mode") })
        #expect(parsed.entries.first?.text.contains("Київ") == true)
    }

    @Test func sectionsBelowTheDepthLimitJoinTheirAncestorsText() throws {
        let content = String(repeating: awkward, count: 8)
        let depth = XMLTreeBuilder.maximumDepth + 10
        let xml = "<root>" + String(repeating: "<e>", count: depth) + "<![CDATA[\(content)]]>"
            + String(repeating: "</e>", count: depth) + "</root>"
        let parses = try parseBothWays(xml)
        #expect(parses.sections == 1)
        let offloaded = try #require(parses.offloaded)
        expectSameTree(offloaded, parses.plain)
        let texts = offloaded.document.nodes.filter { $0.element < 0 }.map { offloaded.document.string(of: $0) }
        #expect(texts == [content])
        #expect(offloaded.document.text.isEmpty, "a section alone in its run is not copied")
    }

    @Test func textBeyondTheLimitIsCutAlike() throws {
        let content = String(repeating: "Київ ]] & < ", count: 9_000_000 / 16)
        let parses = try parseBothWays("<root><![CDATA[\(content)]]><![CDATA[\(content)]]>x</root>")
        #expect(parses.sections == 2)
        let offloaded = try #require(parses.offloaded)
        expectSameTree(offloaded, parses.plain)
        #expect(!offloaded.limitsHit.isEmpty)
    }

    @Test func dateWarningsKeepTheirLineNumbers() throws {
        let content = String(repeating: awkward, count: 8)
        let rss = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>T</title>
            <item><title>t</title>
            <description><![CDATA[\(content)]]></description>
            <pubDate>not a date</pubDate></item></channel></rss>
            """
        let line = 5 + content.utf8.filter { $0 == 0x0A }.count
        let parsed = try ParseFixture.parse(string: rss)
        #expect(parsed.warnings.contains { $0.hasPrefix("line \(line): could not understand the date") })
    }

    /// Escaped HTML as feeds carry it, with every kind of reference and repair.
    private let escaped = "&lt;p class=&quot;x&quot;&gt;a &amp;amp; b &apos;c&apos; &#8217;&#x2014;&#X41;&#65 "
        + "&nbsp;&laquo;Київ&raquo; &bogus; & bare, a < b, 3 > 2, ]] ] &#150; &#1; &#xD800; "
        + "&#000065; — «цитата»\n second line\n\n&lt;/p&gt;"

    @Test func escapedTextRunsEqualLibxml2s() throws {
        let content = String(repeating: escaped, count: 4)
        let xml = "<root><a title=\"x > y\" b='&amp;>'>\(content)</a><b>\(content)<c/>\(content)</b>"
            + "<d>short &lt;</d></root>"
        let parses = try parseBothWays(xml)
        #expect(parses.sections == 3)
        let offloaded = try #require(parses.offloaded)
        expectSameTree(offloaded, parses.plain)
        #expect(offloaded.root.elements.first?.text.contains("<p class=\"x\">a &amp; b 'c' ’—") == true)
    }

    @Test func declaredEntitiesInTextRunsAreExpandedAlike() throws {
        let content = String(repeating: "&brand; &amp; текст ", count: 40)
        let xml = "<!DOCTYPE root [<!ENTITY brand \"Вісник\">]><root><a>\(content)</a></root>"
        let parses = try parseBothWays(xml)
        #expect(parses.sections == 1)
        let offloaded = try #require(parses.offloaded)
        expectSameTree(offloaded, parses.plain)
        #expect(offloaded.root.elements.first?.text.hasPrefix("Вісник & текст") == true)
    }

    @Test func textRunsThatMustStayWithLibxml2Stay() throws {
        let content = String(repeating: escaped, count: 4)
        let stays = [
            "<root><a>\(content)\r\nx</a></root>",
            "<root><a>\(content)&#0000000000000065;</a></root>",
            "<root><!-- <a>\(content)</a> --><a/></root>",
            "<root><?pi <a>\(content)</a> ?><a/></root>",
            "<root><a b=\"<\">\(content)</a></root>",
        ]
        for xml in stays {
            let parses = try parseBothWays(xml)
            #expect(parses.sections == 0, "\(xml.prefix(40))")
        }
        let malformed = try parseBothWays("<root><a>\(content)]]>\(content)</a></root>")
        #expect(malformed.offloaded == nil)
        #expect(malformed.plain.recovered)
    }

    @Test func textOutsideTheRootFallsBackToLibxml2() throws {
        let content = String(repeating: escaped, count: 4)
        let rss = ParseFixture.rss(items: "<item><title>t</title><description>\(content)</description></item>")
        let after = rss + "<x/>" + content + "<!-- end -->"
        let parsed = try ParseFixture.parse(string: after)
        #expect(parsed.warnings.contains { $0.contains("recovery mode") })
        #expect(parsed.entries.first?.text.contains("Київ") == true)
    }

    @Test func offloadedDescriptionsMakeTheSameEntries() throws {
        let content = String(repeating: escaped, count: 4)
        let rss = ParseFixture.rss(items: "<item><title>t</title><description>\(content)</description></item>")
        let parsed = try ParseFixture.parse(string: rss)
        #expect(parsed.warnings.allSatisfy { !$0.contains("recovery mode") })
        #expect(parsed.entries.first?.summary?.hasPrefix("<p>a &amp; b 'c' ’—AA \u{A0}«Київ» &amp;bogus; &amp; bare, a &lt; b, 3 &gt; 2") == true)
        #expect(parsed.entries.first?.text.contains("«Київ» &bogus; & bare, a < b, 3 > 2") == true)
    }
}
