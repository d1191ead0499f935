/// Plain text from HTML, for the article's `text` and the content hash.
///
/// Rules of `text(fromHTML:)`:
/// - Content of script, style, template, noscript, title, textarea, select, datalist, iframe,
///   noembed, noframes, object, applet, canvas, audio, video, svg, math, rp, dialog and
///   frameset vanishes, as do comments, doctypes and tags themselves. `xmp`/`plaintext`
///   content is text.
/// - Character references are decoded; CR and CRLF become LF; NUL vanishes.
/// - White space (ASCII white space and U+00A0) inside a line collapses to one space; lines
///   carry no leading or trailing space.
/// - Paragraph elements (p, h1–h6, blockquote, pre, ul, ol, dl, table, figure, hr, address)
///   start and end a paragraph: one empty line between paragraphs.
/// - Line elements (div, li, dt, dd, tr, caption, figcaption, section, article, header,
///   footer, main, aside, nav, details, summary, center, form, fieldset, legend, option, ...)
///   start and end a line.
/// - `br` ends the line; a `br` on an empty line makes an empty line. Inside `pre` each
///   newline acts like a `br` (other white space still collapses).
/// - `td`/`th` are separated from what precedes them by a space.
/// - Never more than one empty line in a row; no empty line at the start or end; no final
///   newline.
public enum HTMLText {
    /// Plain text of an HTML fragment, by the rules above.
    public static func text(fromHTML html: String) -> String {
        extract(html, inline: false)
    }

    /// One-line text for titles: as `text(fromHTML:)`, with every line or paragraph
    /// break turned into a space; white space runs → one space; trimmed.
    public static func inlineText(fromHTML html: String) -> String {
        extract(html, inline: true)
    }

    private static func extract(_ html: String, inline: Bool) -> String {
        let plain = html.utf8.withContiguousStorageIfAvailable { plainText($0, whole: html, inline: inline) }
        if let plain, let plain { return plain }
        var html = html
        return html.withUTF8 { extractTokenized($0, inline: inline) }
    }

    private static func extractTokenized(_ bytes: UnsafeBufferPointer<UInt8>, inline: Bool) -> String {
        var tokenizer = HTMLTokenizer(bytes)
        var builder = HTMLTextBuilder(inline: inline)
        var skipped = HTMLSkippedRegion()
        // How many of each element are open: an end tag of one of them also ends SVG/MathML.
        var openCounts = HTMLOpenCounts()
        var preDepth = 0
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if !skipped.isActive { builder.appendText(tokenizer.bytes, range, decode: true, preformatted: preDepth > 0) }
            case .rawText(let range):
                if !skipped.isActive { builder.appendText(tokenizer.bytes, range, decode: false, preformatted: preDepth > 0) }
            case .startTag:
                if skipped.isActive, skipped.startTag(&tokenizer) == .consumed { continue }
                let element = tokenizer.tag
                let flags = HTMLElementInfo.of(element).flags
                let isVoid = flags.contains(.void)
                if flags.contains(.hiddenInText) {
                    if !isVoid, !(tokenizer.selfClosing && flags.contains(.foreignRoot)) {
                        skipped.begin(element, tokenizer: &tokenizer)
                    }
                    continue
                }
                builder.boundary(element, flags)
                if element == .td || element == .th { builder.space() }
                if element == .pre || element == .listing { preDepth += 1 }
                if !isVoid { openCounts.opened(tokenizer) }
            case .endTag:
                let element = tokenizer.tag
                let openOutside = openCounts.isOpen(tokenizer)
                if skipped.isActive, skipped.endTag(&tokenizer, openOutside: openOutside) == .consumed { continue }
                builder.boundary(element, HTMLElementInfo.of(element).flags)
                if element == .pre || element == .listing, preDepth > 0 { preDepth -= 1 }
                if openOutside { openCounts.closed(tokenizer) }
            case .comment, .doctype:
                continue
            }
        }
        return builder.result()
    }

    /// The text of markup-free HTML (no '<', '&', CR or NUL, as most titles are) without
    /// tokenizing: `whole` itself when its white space is already collapsed; nil otherwise.
    private static func plainText(_ p: UnsafeBufferPointer<UInt8>, whole: String, inline: Bool) -> String? {
        var collapsed = true
        var previousSpace = true
        for b in p {
            switch b {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), 0x0D, 0: return nil
            case 0x20:
                if previousSpace { collapsed = false }
                previousSpace = true
            case 0x09, 0x0A, 0x0C, 0xC2:
                collapsed = false
                previousSpace = false
            default:
                previousSpace = false
            }
        }
        if collapsed, !previousSpace || p.isEmpty { return whole }
        var builder = HTMLTextBuilder(inline: inline)
        builder.appendPlain(p, preformatted: false)
        return builder.result()
    }

    static let hidden: Set<String> = [
        "script", "style", "template", "noscript", "title", "textarea", "select", "datalist",
        "iframe", "noembed", "noframes", "object", "applet", "embed", "canvas", "audio", "video",
        "svg", "math", "rp", "dialog", "frameset", "frame", "param", "input", "button",
    ]

    static let paragraphs: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "listing", "ul", "ol", "dl",
        "table", "figure", "hr", "address",
    ]

    static let lines: Set<String> = [
        "div", "li", "dt", "dd", "tr", "caption", "figcaption", "section", "article", "header",
        "footer", "main", "aside", "nav", "details", "summary", "center", "form", "fieldset",
        "legend", "option", "optgroup", "hgroup", "menu", "dir", "search", "xmp", "plaintext",
        "thead", "tbody", "tfoot", "body", "html", "head",
    ]
}
