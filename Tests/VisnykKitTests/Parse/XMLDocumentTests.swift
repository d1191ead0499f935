import Testing
@testable import VisnykKit

/// The flat XML tree: interned names and namespaces, lazily made text and attribute values,
/// the text length cut, and the byte search of the reference repair.
@Suite struct XMLDocumentTests {
    private func root(_ xml: String, base: String? = nil) throws -> XMLElement {
        try XMLTreeBuilder.parse(Array(xml.utf8), documentBase: base).root
    }

    @Test func knownNamesAndNamespacesHaveFixedIDs() throws {
        let rss = try root("""
            <rss xmlns:dc="http://purl.org/dc/elements/1.0/" xmlns:x="urn:x"><channel><item>
            <title>t</title><dc:creator>c</dc:creator><x:title>o</x:title><media:content url="u"/></item></channel></rss>
            """)
        #expect(rss.name == .rss && rss.namespace == .none)
        let item = try #require(rss.first(.channel, where: \.isRSSCore)?.first(.item, where: \.isRSSCore))
        let children = item.elements
        #expect(children.map(\.nameString) == ["title", "creator", "title", "content"])
        #expect(children[0].name == .title && children[0].namespace == .none)
        // A spelling variant of the Dublin Core URI is canonicalized to the one id.
        #expect(children[1].name == .creator && children[1].namespace == .dc)
        // Same local name, unknown namespace: the name id is shared, the namespace is not a known one.
        #expect(children[2].name == .title && children[2].namespace != .none)
        #expect(rss.document.namespaces[Int(children[2].namespace.id)] == "urn:x")
        // An undeclared but well-known prefix is read as its namespace.
        #expect(children[3].namespace == .media && children[3].attribute(.url) == "u")
    }

    @Test func unknownNamesShareOneIDPerSpelling() throws {
        let doc = try root("<r><zz:a/><b/><a/><b/><zz:b/></r>")
        let names = doc.elements.map(\.name)
        #expect(names[1] == names[3] && names[1] == names[4])
        #expect(names[0] == names[2] && names[0] != names[1])
        #expect(names[0].id >= UInt32(XMLName.known.count))
        let undeclared = doc.elements[0].namespace
        #expect(doc.document.namespaces[Int(undeclared.id)] == "undeclared:zz" && undeclared == doc.elements[4].namespace)
        #expect(doc.elements[1].namespace == .none)
    }

    @Test func everyFixedNameMapsToItsID() {
        for (index, name) in XMLName.known.enumerated() {
            #expect(XMLName.knownIDs[name] == UInt32(index))
        }
        #expect(XMLName.known[Int(XMLName.isPermaLink.id)] == "isPermaLink")
        #expect(XMLName.known[Int(XMLName.lang.id)] == "lang")
        for (index, uri) in XMLNamespace.known.enumerated() {
            #expect(XMLNamespace.knownIDs[uri] == UInt32(index))
        }
        #expect(XMLNamespace.known[Int(XMLNamespace.syndication.id)] == Namespace.syndication)
    }

    @Test func textNodesAroundChildrenAndBlankText() throws {
        let doc = try root("<r><a> x <b>y</b>z&amp;<![CDATA[<w>]]></a><c>\n  </c><d/></r>")
        let a = doc.elements[0]
        #expect(a.text == " x z&<w>")
        #expect(a.deepText == " x yz&<w>")
        #expect(a.trimmedText == "x yz&<w>")
        #expect(a.hasElementChildren && !a.directTextIsBlank)
        #expect(a.htmlText?.value == " x <b>y</b>z&amp;&lt;w&gt;")
        let blank = doc.elements[1]
        #expect(blank.hasChildren && blank.directTextIsBlank && blank.trimmedText == nil && blank.htmlText == nil)
        #expect(blank.text == "\n  ")
        let empty = doc.elements[2]
        #expect(!empty.hasChildren && empty.text.isEmpty && empty.trimmedText == nil)
    }

    @Test func attributeValuesBaseAndLanguage() throws {
        let doc = try root("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://ex.org/a/" xml:lang="uk">\
            <link href="b?x=1&amp;y=&#38;2&lt;" rel=" alternate "/><entry xml:base="c/" xml:lang="en"><id>i</id></entry></feed>
            """, base: "http://other.org/")
        let link = doc.elements[0]
        #expect(link.attribute(.href) == "b?x=1&y=&2<")
        #expect(link.attribute(.rel) == " alternate ")
        #expect(link.attribute(.type) == nil && link.attribute(.href, namespace: .atom10) == nil)
        #expect(link.urlAttribute(.href)?.hasPrefix("http://ex.org/a/b?x=1&y=&2") == true)
        #expect(doc.base == "http://ex.org/a/" && doc.language == "uk")
        let entry = doc.elements[1]
        #expect(entry.base == "http://ex.org/a/c/" && entry.language == "en")
        #expect(entry.elements[0].base == "http://ex.org/a/c/" && entry.elements[0].language == "en")
        #expect(try root("<r/>", base: "http://d.org/").base == "http://d.org/")
        #expect(try root("<r/>").language == nil)
    }

    @Test func tooLongTextIsCutAtACharacterBoundary() throws {
        let limit = XMLTreeBuilder.maximumTextLength
        // "a" then two-byte letters: the byte limit falls in the middle of one.
        let body = "a" + String(repeating: "ї", count: limit / 2 + 8)
        let result = try XMLTreeBuilder.parse(Array("<r><t>\(body)</t></r>".utf8), documentBase: nil)
        let text = result.root.elements[0].text
        #expect(text.utf8.count == limit - 1)
        #expect(text.hasPrefix("aї") && text.hasSuffix("ї") && !text.contains("\u{FFFD}"))
        #expect(result.limitsHit.contains { $0.contains("cut short") })
    }

    @Test func referenceRepairFindsMarkupAtEveryOffset() {
        // Around the eight-byte blocks of the search: every position, both bytes, Cyrillic filler.
        for offset in 0..<24 {
            let filler = String(repeating: "x", count: offset % 3) + String(repeating: "ж", count: offset / 3)
            let tail = String(repeating: "y", count: (offset * 7) % 11)
            let input = "<r>" + filler + "a < b &nbsp; c & d &amp;" + tail + "</r>"
            let output = String(decoding: XMLReferenceRepair.repair(Array(input.utf8)).bytes, as: UTF8.self)
            #expect(output == "<r>" + filler + "a &lt; b &#160; c &amp; d &amp;" + tail + "</r>", "offset \(offset)")
        }
        let cdata = "<r>" + String(repeating: "z", count: 13) + "<![CDATA[a < b ]] & ]]>&</r>"
        let repaired = String(decoding: XMLReferenceRepair.repair(Array(cdata.utf8)).bytes, as: UTF8.self)
        #expect(repaired == "<r>" + String(repeating: "z", count: 13) + "<![CDATA[a < b ]] & ]]>&amp;</r>")
    }
}
