import Foundation
import Testing
@testable import VisnykKit

@Suite struct DigestSubjectTests {
    private typealias Sample = DigestRendererTests

    @Test func theSubjectIsOneUnescapedLine() throws {
        let renderer = try Sample.bundled(subject: "Вісник «{{name}}»: {{count}} нових з {{sources}} ({{sourceNames}}), {{date}}")
        let rendered = try renderer.render(Sample.content([
            DigestSourceGroup(source: "Kyiv\nPost\r\n", articles: [Sample.article(1, "Kyiv\nPost", "A")]),
            DigestSourceGroup(source: "Q&A <live>", articles: [Sample.article(2, "Q&A <live>", "B"), Sample.article(3, "Q&A <live>", "C")]),
        ], name: "ранок"))
        #expect(rendered.subject == "Вісник «ранок»: 3 нових з 2 (Kyiv Post, Q&A <live>), 2026-11-29")

        let controls = try Sample.bundled(subject: "{{name}}\t  x\u{85}y\u{2028}z  ").render(Sample.content([], name: "a\u{7}b"))
        #expect(controls.subject == "a b x y z")

        let long = try Sample.bundled(subject: "{{sourceNames}}").render(Sample.content([
            DigestSourceGroup(source: String(repeating: "д", count: 400), articles: [Sample.article(1, "x", "t")]),
        ]))
        #expect(long.subject.count == DigestRenderer.maxSubjectLength)
        #expect(long.subject.hasSuffix("…"))
    }

    @Test func aSubjectThatRendersToNothingIsAnError() throws {
        let renderer = try Sample.bundled(subject: "{{nmae}}")
        #expect(throws: DigestRenderError.self) { try renderer.render(Sample.content([])) }
        do {
            _ = try renderer.render(Sample.content([]))
        } catch {
            #expect(error.kind == .emptySubject)
            #expect(error.description.contains("{{nmae}}"))
        }
    }
}
