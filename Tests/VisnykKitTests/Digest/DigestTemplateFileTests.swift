import Foundation
import Testing
@testable import VisnykKit

@Suite struct DigestTemplateFileTests {
    private typealias Sample = DigestRendererTests

    @Test func overrideTemplatesFromFilesAreUsedAndStillEscaped() throws {
        let dir = try TemporaryDirectory("visnyk-render")
        defer { dir.remove() }
        let htmlPath = dir.appending("mine.html.mustache")
        let textPath = dir.appending("mine.txt.mustache")
        try "<ul>{{#groups}}{{#articles}}<li>{{title}}</li>{{/articles}}{{/groups}}</ul>\n".write(toFile: htmlPath, atomically: true, encoding: .utf8)
        try "\u{FEFF}{{summary}}:{{#groups}}{{#articles}} [{{title}}]{{/articles}}{{/groups}}\n".write(toFile: textPath, atomically: true, encoding: .utf8)
        let renderer = try DigestRenderer(subject: "s", htmlTemplatePath: htmlPath, textTemplatePath: textPath)
        let rendered = try renderer.render(Sample.content([
            DigestSourceGroup(source: "A", articles: [Sample.article(1, "A", "<b>Новина</b> & more")]),
        ]))
        #expect(rendered.html == "<ul><li>&lt;b&gt;Новина&lt;/b&gt; &amp; more</li></ul>\n")
        #expect(rendered.text == "1 new article from 1 source: [<b>Новина</b> & more]\n")
    }

    @Test func copiesOfTheBundledTemplatesRenderLikeTheBundledOnes() throws {
        let dir = try TemporaryDirectory("visnyk-render")
        defer { dir.remove() }
        let htmlPath = dir.appending("digest.html.mustache")
        let textPath = dir.appending("digest.txt.mustache")
        try DigestRenderer.bundledHTMLTemplate.write(toFile: htmlPath, atomically: true, encoding: .utf8)
        try DigestRenderer.bundledTextTemplate.write(toFile: textPath, atomically: true, encoding: .utf8)
        let content = Sample.content([
            DigestSourceGroup(source: "Леополіс", articles: [Sample.article(1, "Леополіс", "Новина & <b>", link: "https://a.example/1")]),
        ])
        let copied = try DigestRenderer(subject: "s", htmlTemplatePath: htmlPath, textTemplatePath: textPath).render(content)
        #expect(copied == (try Sample.bundled(subject: "s").render(content)))
        #expect(copied.html.contains("Новина &amp; &lt;b&gt;"))
    }

    @Test func aTemplateSyntaxErrorNamesTheFileLineAndProblem() throws {
        let dir = try TemporaryDirectory("visnyk-render")
        defer { dir.remove() }
        let path = dir.appending("broken.html.mustache")
        try "<h1>{{name}}</h1>\n{{#groups}}\n  <p>{{source}}</p>\n{{/articles}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let config = DigestConfig(name: "morning", to: ["a@example.org"], from: "b@example.org",
                                  at: [DigestTime(hour: 7, minute: 30)], timezone: "Europe/Kyiv", htmlTemplate: path)
        do {
            _ = try DigestRenderer(config)
            Issue.record("a broken template was accepted")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.template == path)
            #expect(error.line == 4)
            #expect(error.digest == "morning")
            #expect(error.description.hasPrefix("digest \"morning\": \(path):4:"))
            #expect(error.description.contains("does not match the section it closes"))
        }

        try "{{#groups}}\n{{source}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DigestRenderError.self) {
            try DigestRenderer(subject: "s", htmlTemplatePath: nil, textTemplatePath: path)
        }
        #expect(throws: DigestRenderError.self) {
            try DigestRenderer(subject: "{{#name}} unclosed", htmlTemplatePath: nil, textTemplatePath: nil)
        }
    }

    @Test func aMissingOrUnusableTemplateFileIsNamed() throws {
        let dir = try TemporaryDirectory("visnyk-render")
        defer { dir.remove() }
        let missing = dir.appending("nope.txt.mustache")
        do {
            _ = try DigestRenderer(subject: "s", htmlTemplatePath: nil, textTemplatePath: missing)
            Issue.record("a missing template was accepted")
        } catch {
            #expect(error.kind == .missingFile)
            #expect(error.description.hasPrefix(missing + ": "))
            #expect(error.description.contains("text_template"))
        }
        let latin1 = dir.appending("latin1.html.mustache")
        try Data([0x3C, 0x70, 0x3E, 0xE9, 0x3C, 0x2F, 0x70, 0x3E]).write(to: URL(fileURLWithPath: latin1))
        do {
            _ = try DigestRenderer(subject: "s", htmlTemplatePath: latin1, textTemplatePath: nil)
            Issue.record("a non-UTF-8 template was accepted")
        } catch {
            #expect(error.kind == .unreadableFile)
            #expect(error.description.contains("UTF-8"))
        }
        do {
            _ = try DigestRenderer(subject: "s", htmlTemplatePath: dir.path, textTemplatePath: nil)
            Issue.record("a directory was accepted as a template")
        } catch {
            #expect(error.kind == .missingFile)
        }
    }
}
