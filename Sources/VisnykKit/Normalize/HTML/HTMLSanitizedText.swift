/// Text extraction riding along the sanitizer: it sees the tags the sanitizer writes and the
/// text between them, as `HTMLText.text(fromHTML:)` would see them when tokenizing the
/// sanitized output, so one pass gives both. Only the rules that can apply to sanitized output
/// are needed: no raw-text elements, no SVG/MathML, no self-closing tags, no comments; the
/// only hidden elements that survive sanitizing are plain HTML ones (audio, video, rp).
struct HTMLSanitizedText {
    private var builder = HTMLTextBuilder(inline: false)
    /// Where the text written since the last tag starts in the sanitizer's output.
    private var textStart = 0
    /// The hidden element whose content is being skipped, and how deeply it is nested.
    private var hidden: HTMLElement?
    private var hiddenDepth = 0
    private var preDepth = 0

    /// `capacity`: about the size of the HTML, which bounds its text in most articles
    /// (growing the text buffer piece by piece cost more than the spare room).
    init(capacity: Int) {
        builder.reserve(capacity)
    }

    /// Before the sanitizer writes a start tag at the end of `out`.
    mutating func startTag(_ element: HTMLElement, _ flags: HTMLElementInfo.Flags, out: [UInt8]) {
        flush(out)
        let isVoid = flags.contains(.void)
        if let hidden {
            if element == hidden, !isVoid { hiddenDepth += 1 }
            return
        }
        if flags.contains(.hiddenInText) {
            if !isVoid {
                hidden = element
                hiddenDepth = 1
            }
            return
        }
        builder.boundary(element, flags)
        if element == .td || element == .th { builder.space() }
        if element == .pre || element == .listing { preDepth += 1 }
    }

    /// Before the sanitizer writes an end tag at the end of `out`.
    mutating func endTag(_ element: HTMLElement, _ flags: HTMLElementInfo.Flags, out: [UInt8]) {
        flush(out)
        if let hidden {
            if element == hidden {
                hiddenDepth -= 1
                if hiddenDepth == 0 { self.hidden = nil }
            }
            return
        }
        builder.boundary(element, flags)
        if element == .pre || element == .listing, preDepth > 0 { preDepth -= 1 }
    }

    /// After the last byte of `out` is written.
    mutating func finish(_ out: [UInt8]) -> String {
        flush(out)
        return builder.result()
    }

    /// After a tag was written: the next text starts at `offset`.
    mutating func tagWritten(endingAt offset: Int) {
        textStart = offset
    }

    /// Takes the text the sanitizer wrote since the last tag or plain run.
    mutating func flush(_ out: [UInt8]) {
        if out.count > textStart, hidden == nil {
            let range = textStart..<out.count
            out.withUnsafeBufferPointer { builder.appendText($0, range, decode: true, preformatted: preDepth > 0) }
        }
        textStart = out.count
    }

    /// A run the sanitizer copied unchanged (nothing to decode or escape), just written
    /// to end at `offset` of its output, after a `flush`.
    mutating func appendPlainText(_ run: UnsafeBufferPointer<UInt8>, endingAt offset: Int) {
        if hidden == nil { builder.appendPlain(run, preformatted: preDepth > 0) }
        textStart = offset
    }
}
