import Testing
@testable import VisnykKit

/// Cases in `Fixtures/html/sanitize-cases.txt`: "### name", the input, "---", the expected
/// output; base URL https://example.org/news/item/.
struct SanitizeCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let expected: String
    var testDescription: String { name }

    static let base = "https://example.org/news/item/"

    static func load() -> [SanitizeCase] {
        guard let text = try? Fixture.string("html/sanitize-cases.txt") else { return [] }
        return text.components(separatedBy: "### ").dropFirst().compactMap { block in
            guard let newline = block.firstIndex(of: "\n") else { return nil }
            let name = String(block[..<newline])
            let body = block[block.index(after: newline)...]
            guard let separator = body.range(of: "\n---\n") else { return nil }
            var expected = String(body[separator.upperBound...])
            while expected.hasSuffix("\n") { expected.removeLast() }
            return SanitizeCase(name: name, input: String(body[..<separator.lowerBound]), expected: expected)
        }
    }
}

struct HTMLSanitizerFixtureTests {
    static let cases = SanitizeCase.load()

    @Test func fixtureIsThere() {
        #expect(Self.cases.count >= 180)
    }

    @Test(arguments: cases)
    func sanitizes(_ c: SanitizeCase) {
        let output = HTMLSanitizer.sanitize(c.input, baseURL: SanitizeCase.base)
        #expect(output == c.expected)
        #expect(HTMLSanitizer.sanitize(output, baseURL: SanitizeCase.base) == output, "idempotent")
        #expect(SanitizedOutputCheck.problems(output) == [])
    }
}
