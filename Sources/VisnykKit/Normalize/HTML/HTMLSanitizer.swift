/// Makes article HTML from feeds safe to show.
///
/// Policy:
/// - Input is tokenized per HTML5 (see `HTMLTokenizer`); output is rebuilt from tokens only, so
///   nothing passes through unparsed. Comments, doctypes, processing instructions and NUL vanish.
/// - Allowed elements and their attributes are listed in `HTMLSanitizer.allowedElements`
///   (`title`, `lang` and `dir` are allowed everywhere). No event handlers, `style`, `id`,
///   `class`, `name`, `target`, `rel`, form or frame attributes: nothing outside the lists.
///   `source` is kept only inside `picture`/`audio`/`video`, `track` only inside `audio`/`video`;
///   `audio` and `video` always get `controls` (and never `autoplay`). No `rel` is added to
///   links: `target` is never kept, so there is no opener to protect.
/// - Dropped with all their content: script, style, iframe, object, embed, applet, form, input,
///   button, select, datalist, textarea, noscript, noembed, noframes, xmp, template, svg, math,
///   frame, frameset, base, link, meta, title, param, canvas, dialog. SVG/MathML end where a
///   browser would end them (breakout tags such as `<p>` or `<img>` leave them).
/// - Any other element (html, body, head, article, section, font-less legacy tags, custom
///   elements, ...): the tag is dropped and its content kept.
/// - URL attributes (`href`, `cite`: links; `src`, `poster`, `srcset`: media) are entity-decoded,
///   stripped of surrounding C0 controls/space and of tab/CR/LF inside (as browsers do), and
///   resolved against `baseURL` (RFC 3986); the scheme of the result must be http, https, ftp,
///   mailto, tel or news for links, http or https for media, or, for images (`img src`,
///   `srcset`, `poster`), `data:image/{png,gif,jpeg,webp};base64,`. A value whose first
///   segment holds a ':' without being a valid scheme is refused too. Refused values drop the
///   attribute, never the element (an `a` without a safe `href` keeps its text). `srcset`
///   keeps only its safe candidates.
/// - Output is well formed: an open-element stack with the HTML5 implied closings that matter
///   (`p` before blocks, `li`, `dd`/`dt`, `a` in `a`, table rows and cells, headings), end tags
///   closing what is open above them within scope, stray end tags dropped (`</br>` is `<br>`),
///   void elements without end tags, everything left open closed at the end. Past 256 open
///   elements further start tags are dropped (text kept). Attributes are double-quoted and
///   escaped, text escaped (`&`, `<`, `>`); CR/CRLF become LF.
/// - The output is a fixed point: `sanitize(sanitize(x)) == sanitize(x)`.
public enum HTMLSanitizer {
    /// Safe HTML for an article fragment, relative URLs made absolute against `baseURL`.
    public static func sanitize(_ html: String, baseURL: String?) -> String {
        sanitize(html, base: HTMLSanitizerBase(baseURL))
    }

    /// `sanitize(html, baseURL:)` and `HTMLText.text(fromHTML:)` of its result, in one pass.
    public static func sanitizeAndExtractText(_ html: String, baseURL: String?) -> (html: String, text: String) {
        sanitizeAndExtractText(html, base: HTMLSanitizerBase(baseURL))
    }

    // The tokenizer reads the HTML in its String's own storage, without a copy.
    static func sanitize(_ html: String, base: HTMLSanitizerBase) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var run = HTMLSanitizerRun(bytes: bytes, base: base)
            run.run()
            return HTMLOutputString.make(run.out)
        }
    }

    static func sanitizeAndExtractText(_ html: String, base: HTMLSanitizerBase) -> (html: String, text: String) {
        var html = html
        return html.withUTF8 { bytes in
            var run = HTMLSanitizerRun(bytes: bytes, base: base)
            run.text = HTMLSanitizedText(capacity: run.out.capacity)
            run.run()
            let text = run.text?.finish(run.out) ?? ""
            return (HTMLOutputString.make(run.out), text)
        }
    }
}

/// The state of one sanitizing pass.
struct HTMLSanitizerRun {
    var tokenizer: HTMLTokenizer
    var out: [UInt8] = []
    var open: [HTMLOpenElement] = []
    var skipped = HTMLSkippedRegion()
    let baseURL: String?
    let urlBase: HTMLURLBase
    var valueBuffer: [UInt8] = []
    /// Set when the text of the output is wanted too.
    var text: HTMLSanitizedText?

    static let maxOpenElements = 256

    init(bytes: UnsafeBufferPointer<UInt8>, base: HTMLSanitizerBase) {
        tokenizer = HTMLTokenizer(bytes)
        out.reserveCapacity(bytes.count)
        baseURL = base.url
        urlBase = base.urlBase
    }

    mutating func run() {
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if !skipped.isActive { appendText(range, decode: true) }
            case .rawText(let range):
                if !skipped.isActive { appendText(range, decode: false) }
            case .startTag:
                if skipped.isActive, skipped.startTag(&tokenizer) == .consumed { continue }
                startTag()
            case .endTag:
                if skipped.isActive {
                    let element = tokenizer.tag
                    let outside = element != .unknown && open.contains { $0.element == element }
                    if skipped.endTag(&tokenizer, openOutside: outside) == .consumed { continue }
                }
                endTag()
            case .comment, .doctype:
                continue
            }
        }
        while let element = open.popLast() { appendEndTag(element.element, flags: element.flags) }
    }

    private mutating func startTag() {
        let element = tokenizer.tag
        let info = HTMLElementInfo.of(element)
        let flags = info.flags
        if flags.contains(.droppedWithContent) {
            if flags.contains(.closesParagraph) { closeParagraph() }
            if !flags.contains(.void), !(tokenizer.selfClosing && flags.contains(.foreignRoot)) {
                skipped.begin(element, tokenizer: &tokenizer)
            }
            return
        }
        guard flags.contains(.allowed) else {
            if flags.contains(.closesParagraph) { closeParagraph() }
            return
        }
        let isVoid = flags.contains(.void)
        if !isVoid, open.count >= Self.maxOpenElements { return }
        if element == .source || element == .track {
            let parent = open.last?.element
            guard parent == .audio || parent == .video || (element == .source && parent == .picture) else { return }
        }
        closeImplied(before: element, flags: flags)
        appendStartTag(element, allowed: info.allowedAttributes, flags: flags)
        if !isVoid { open.append(HTMLOpenElement(element: element, flags: flags)) }
    }

    private mutating func endTag() {
        let element = tokenizer.tag
        let info = HTMLElementInfo.of(element)
        if element == .br {
            appendStartTag(.br, allowed: HTMLAttributeSet(), flags: info.flags)
            return
        }
        guard info.flags.contains(.allowed), !info.flags.contains(.void),
              let index = openIndex(of: element, flags: info.flags) else { return }
        closeElements(from: index)
    }
}
