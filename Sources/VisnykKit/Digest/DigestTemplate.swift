import Foundation
import Mustache

/// Loads and parses the digest's Mustache templates, each forced into the content type of the
/// part it renders: HTML values are escaped (DigestHTMLEscaping), text and subject values not.
enum DigestTemplate {
    enum Output {
        case html, text

        /// A standalone pragma line: it sets how `{{value}}` is escaped and leaves no output.
        var pragma: String {
            switch self {
            case .html: "{{% CONTENT_TYPE: \(DigestHTMLEscaping.contentTypeName)}}\n"
            case .text: "{{% CONTENT_TYPE: TEXT}}\n"
            }
        }
    }

    /// Template files larger than this are refused: a template is a page, not a data file.
    static let maxFileSize = 1 << 20

    /// The bundled template, or the file at `path` when one is configured.
    static func load(path: String?, bundled: [UInt8], bundledName: String, configKey: String,
                     output: Output) throws(DigestRenderError) -> MustacheTemplate {
        guard let path else {
            return try parse(String(decoding: bundled, as: UTF8.self), output: output,
                             origin: "the bundled template \(bundledName)")
        }
        return try parse(read(path, configKey: configKey), output: output, origin: path)
    }

    /// Parses `text`. A syntax error is reported at its place in `text` as written (the pragma
    /// line added in front is not counted).
    static func parse(_ text: String, output: Output, origin: String) throws(DigestRenderError) -> MustacheTemplate {
        DigestHTMLEscaping.register()
        do {
            _ = try MustacheTemplate(string: text)
            return try MustacheTemplate(string: output.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            throw DigestRenderError(kind: .syntax, template: origin, line: error.context.lineNumber,
                                    column: error.context.columnNumber,
                                    problem: words(for: error.error) + " in `\(snippet(error.context.line))`: fix the template")
        } catch {
            throw DigestRenderError(kind: .syntax, template: origin, problem: "\(error): fix the template")
        }
    }

    private static func read(_ path: String, configKey: String) throws(DigestRenderError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DigestRenderError(kind: .missingFile, template: path,
                                    problem: "no such template file: create it, or correct or remove `\(configKey)` to use the bundled template")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw DigestRenderError(kind: .unreadableFile, template: path,
                                    problem: "cannot be read (\(error.localizedDescription)): check its permissions")
        }
        guard data.count <= maxFileSize else {
            throw DigestRenderError(kind: .unreadableFile, template: path,
                                    problem: "larger than \(maxFileSize / 1024) KiB: is `\(configKey)` the right file?")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw DigestRenderError(kind: .unreadableFile, template: path,
                                    problem: "not UTF-8 text: save the template as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    private static func snippet(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 80 ? trimmed : trimmed.prefix(79) + "…"
    }

    private static func words(for error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not finished: \"}}\" missing, or a character a name cannot hold"
        case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "a delimiter change {{=… …=}} is malformed"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "a template inheritance block {{<…}} is malformed"
        case .invalidConfigVariableSyntax: return "a pragma {{% NAME: VALUE}} is malformed"
        case .unrecognisedConfigVariable: return "an unknown pragma (only CONTENT_TYPE: HTML or TEXT exists)"
        }
    }
}
