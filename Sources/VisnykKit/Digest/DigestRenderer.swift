import Foundation
import Mustache

/// Turns a digest's content into its subject, plain-text part and HTML part through Mustache
/// templates: the bundled ones (compiled into the binary) or the user's files.
///
/// In the HTML part every `{{value}}` is HTML-escaped (and "onerror=" or "javascript:" in a
/// value is broken up); links are only ever absolute http(s) URLs. The subject and the text part
/// are not escaped. Templates are read and parsed once, here; rendering cannot fail on content.
public struct DigestRenderer: Sendable {
    /// A subject longer than this is cut (with "…"): a source name must not make it a page.
    public static let maxSubjectLength = 250

    private let subject: MustacheTemplate
    private let subjectText: String
    private let html: MustacheTemplate
    private let text: MustacheTemplate

    /// nil paths: the bundled templates. Errors name the template file and say what is wrong.
    public init(subject: String, htmlTemplatePath: String?, textTemplatePath: String?) throws(DigestRenderError) {
        self.subject = try DigestTemplate.parse(subject, output: .text, origin: "the subject template")
        subjectText = subject
        html = try DigestTemplate.load(path: htmlTemplatePath, bundled: PackageResources.digest_html_mustache,
                                       bundledName: "digest.html.mustache", configKey: "html_template", output: .html)
        text = try DigestTemplate.load(path: textTemplatePath, bundled: PackageResources.digest_txt_mustache,
                                       bundledName: "digest.txt.mustache", configKey: "text_template", output: .text)
    }

    public init(_ digest: DigestConfig) throws(DigestRenderError) {
        do {
            try self.init(subject: digest.subject, htmlTemplatePath: digest.htmlTemplate,
                          textTemplatePath: digest.textTemplate)
        } catch {
            var error = error
            error.digest = digest.name
            throw error
        }
    }

    /// Throws only when the subject template renders to nothing (say, `{{nmae}}`).
    public func render(_ content: DigestContent) throws(DigestRenderError) -> RenderedDigest {
        let context = Self.context(for: content)
        let subjectLine = Self.subjectLine(subject.render(context))
        guard !subjectLine.isEmpty else {
            throw DigestRenderError(kind: .emptySubject, template: "the subject template",
                                    problem: "renders an empty subject from `\(subjectText)`: use {{name}}, {{date}}, {{count}}, {{sources}}",
                                    digest: content.digest)
        }
        return RenderedDigest(subject: subjectLine, text: text.render(context), html: html.render(context))
    }

    /// The bundled templates as text: a start for a user's own (html_template, text_template).
    public static var bundledHTMLTemplate: String { String(decoding: PackageResources.digest_html_mustache, as: UTF8.self) }
    public static var bundledTextTemplate: String { String(decoding: PackageResources.digest_txt_mustache, as: UTF8.self) }

    /// One line: controls and line breaks become spaces, runs of spaces one, the ends trimmed,
    /// and at most `maxSubjectLength` characters.
    static func subjectLine(_ rendered: String) -> String {
        let line = MailHeader.clean(rendered)
        guard line.count > maxSubjectLength else { return line }
        return line.prefix(maxSubjectLength - 1).trimmingCharacters(in: .whitespaces) + "…"
    }
}
