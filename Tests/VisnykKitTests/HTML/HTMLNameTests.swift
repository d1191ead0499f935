import Testing
@testable import VisnykKit

@Suite struct HTMLNameTests {
    @Test func everyPolicyNameHasAnID() {
        let elementSets: [Set<String>] = [
            HTMLElements.void, HTMLElements.foreignBreakout, HTMLElements.closesParagraph,
            HTMLElements.scopeBoundaries, HTMLElements.special, HTMLElements.headings,
            HTMLSanitizer.droppedWithContent, HTMLText.hidden, HTMLText.paragraphs, HTMLText.lines,
            Set(HTMLSanitizer.allowedElements.keys),
        ]
        for name in elementSets.reduce(Set(), { $0.union($1) }) {
            #expect(HTMLElement.named(name).name == name)
        }
        let attributes = HTMLSanitizer.allowedElements.values.reduce(HTMLSanitizer.globalAttributes) { $0.union($1) }
        for name in attributes {
            #expect(HTMLAttributeName.named(name).name == name)
        }
    }

    @Test func everyIDNamesItself() {
        for element in HTMLElement.allCases where element != .unknown {
            #expect(HTMLElement.named(element.name) == element)
            #expect(HTMLElement.named(element.name.uppercased()) == element)
        }
        for attribute in HTMLAttributeName.allCases where attribute != .unknown {
            #expect(HTMLAttributeName.named(attribute.name) == attribute)
        }
    }

    @Test(arguments: [
        "", "x", "bx", "divs", "di", "blockquotes", "h7", "sv g", "d\u{0}iv", "dív", "Ａ",
        "blockquoteblockquote", "aaaaaaaaaaaaaaaaa", "tablex", "colgroupx",
    ])
    func unknownNames(name: String) {
        #expect(HTMLElement.named(name) == .unknown)
        #expect(HTMLAttributeName.named(name) == .unknown)
    }

    @Test func tagIDsAreCaseInsensitive() {
        Array("<BlockQuote CITE=x Title=y><Custom-El>".utf8).withUnsafeBufferPointer { bytes in
            var tokenizer = HTMLTokenizer(bytes)
            #expect(tokenizer.next() == .startTag)
            #expect(tokenizer.tag == .blockquote)
            #expect(tokenizer.attributes.map(\.id) == [.cite, .title])
            #expect(tokenizer.next() == .startTag)
            #expect(tokenizer.tag == .unknown)
            #expect(tokenizer.tagName == "custom-el")
        }
    }

    @Test(arguments: [
        ("<p HREF=1 href=2 Href=3>", "<p href=1>"),
        ("<p data-X=1 data-x=2 DATA-x=3 data-y=4>", "<p data-x=1 data-y=4>"),
        ("<p a\u{0}=1 a\u{FFFD}=2 A\u{0}=3>", "<p a\u{FFFD}=1>"),
        ("<p a\u{0}b=1 a\u{0}c=2>", "<p a\u{FFFD}b=1 a\u{FFFD}c=2>"),
        ("<p ab=1 a\u{0}=2>", "<p ab=1 a\u{FFFD}=2>"),
    ])
    func duplicateAttributesKeepTheFirst(input: String, expected: String) {
        #expect(htmlTokenDump(input) == expected)
    }
}
