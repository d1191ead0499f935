import Testing
@testable import VisnykKit

@Suite("TOMLKeyLines")
struct TOMLKeyLinesTests {
    @Test("keys, headers and elements, past comments, strings and multi-line values")
    func lines() {
        let text = """
            # a = 1
            a = "x # not a comment" # [[source]]
            b = \"\"\"
            [[source]]
            c = 1
            \"\"\"
            'lit.key' = '''
            two
            lines'''
            "quoted \\"key\\"" = [
              1, # one
              [2, 3],
              { d = 4 },
            ]
            dotted . key = 5

            [[source]]
            name = "first"

            [ source . sub ]
            e = 6

            [[source]]
            name = "second"
            tags = ["a",
              "b"]
            [table]
            f = { g = 7, h = { i = 8 } }
            """
        let lines = TOMLKeyLines(text: text)
        #expect(lines.line(of: [.key("a")]) == 2)
        #expect(lines.line(of: [.key("b")]) == 3)
        #expect(lines.line(of: [.key("c")]) == nil)
        #expect(lines.line(of: [.key("lit.key")]) == 7)
        #expect(lines.line(of: [.key("quoted \"key\"")]) == 10)
        #expect(lines.line(of: [.key("quoted \"key\""), .index(1)]) == 12)
        #expect(lines.line(of: [.key("quoted \"key\""), .index(2), .key("d")]) == 13)
        #expect(lines.line(of: [.key("dotted"), .key("key")]) == 15)
        #expect(lines.line(of: [.key("source")]) == 17)
        #expect(lines.line(of: [.key("source"), .index(0)]) == 17)
        #expect(lines.line(of: [.key("source"), .index(0), .key("name")]) == 18)
        #expect(lines.line(of: [.key("source"), .index(0), .key("sub")]) == 20)
        #expect(lines.line(of: [.key("source"), .index(0), .key("sub"), .key("e")]) == 21)
        #expect(lines.line(of: [.key("source"), .index(1)]) == 23)
        #expect(lines.line(of: [.key("source"), .index(1), .key("name")]) == 24)
        #expect(lines.line(of: [.key("source"), .index(1), .key("tags"), .index(1)]) == 26)
        #expect(lines.line(of: [.key("table"), .key("f"), .key("h"), .key("i")]) == 28)
        // A path never written falls back to the closest enclosing one.
        #expect(lines.line(of: [.key("source"), .index(1), .key("url")]) == 23)
        #expect(lines.line(of: [.key("nowhere")]) == nil)
    }

    @Test("CRLF line ends count as one line")
    func crlf() {
        let lines = TOMLKeyLines(text: "a = 1\r\n\r\nb = 2\r\n")
        #expect(lines.line(of: [.key("b")]) == 3)
    }
}
