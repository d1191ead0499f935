/// A region of input whose content is skipped: an element dropped together with its content
/// (`object`, `template`, ...), or SVG/MathML, whose end is found by the tree builder's
/// foreign-content rules (namespaces, breakout tags, integration points where HTML resumes).
/// It also keeps the tokenizer's `foreignContent` flag in step.
struct HTMLSkippedRegion {
    enum Outcome { case consumed, reprocess }
    enum Namespace { case html, svg, math }

    private struct Open {
        var name: String
        var namespace: Namespace
    }

    /// The element whose content is skipped (nil when not skipping).
    private(set) var element: HTMLElement?
    private var depth = 0
    private var foreignStack: [Open] = []

    static let maxDepth = 256

    var isActive: Bool { element != nil }

    /// Starts skipping at a start tag the consumer has just seen.
    mutating func begin(_ element: HTMLElement, tokenizer: inout HTMLTokenizer) {
        self.element = element
        depth = 1
        if element == .svg || element == .math {
            foreignStack = [Open(name: element.name, namespace: element == .svg ? .svg : .math)]
            tokenizer.foreignContent = true
        }
    }

    /// A start tag inside the region: consumed, or (breakout from SVG/MathML) the region ends
    /// and the tag is to be processed as HTML.
    mutating func startTag(_ tokenizer: inout HTMLTokenizer) -> Outcome {
        if foreignStack.isEmpty {
            if tokenizer.tag == element, !HTMLElementInfo.of(tokenizer.tag).flags.contains(.void) { depth += 1 }
            return .consumed
        }
        let tag = tokenizer.tagName
        let html = inHTMLContext
        if !html, HTMLElementInfo.of(tokenizer.tag).flags.contains(.foreignBreakout) || (tokenizer.tag == .font && tokenizer.attributes.contains {
            $0.id == .color || $0.id == .face || $0.id == .size
        }) {
            end(&tokenizer)
            return .reprocess
        }
        let namespace: Namespace
        switch tag {
        case "svg": namespace = .svg
        case "math": namespace = .math
        default: namespace = html ? .html : (foreignStack.last?.namespace ?? .html)
        }
        let pushes = namespace == .html ? !HTMLElements.void.contains(tag) : !tokenizer.selfClosing
        if pushes, foreignStack.count < Self.maxDepth {
            foreignStack.append(Open(name: tag, namespace: namespace))
        }
        tokenizer.foreignContent = !inHTMLContext
        return .consumed
    }

    /// An end tag inside the region. `openOutside` tells whether the element is open in the
    /// consumer's own stack (then it closes the foreign content too).
    mutating func endTag(_ tokenizer: inout HTMLTokenizer, openOutside: Bool) -> Outcome {
        if foreignStack.isEmpty {
            if tokenizer.tag == element {
                depth -= 1
                if depth == 0 { end(&tokenizer) }
            }
            return .consumed
        }
        let tag = tokenizer.tagName
        if let index = foreignStack.lastIndex(where: { $0.name == tag }) {
            foreignStack.removeSubrange(index...)
            if foreignStack.isEmpty { end(&tokenizer) } else { tokenizer.foreignContent = !inHTMLContext }
            return .consumed
        }
        if (!inHTMLContext && (tag == "p" || tag == "br")) || openOutside {
            end(&tokenizer)
            return .reprocess
        }
        return .consumed
    }

    /// Whether tokens are processed by the HTML rules: the current node is an HTML element or
    /// an HTML/MathML-text integration point.
    private var inHTMLContext: Bool {
        guard let top = foreignStack.last else { return false }
        switch top.namespace {
        case .html: return true
        case .svg: return top.name == "foreignobject" || top.name == "desc" || top.name == "title"
        case .math: return ["mi", "mo", "mn", "ms", "mtext", "annotation-xml"].contains(top.name)
        }
    }

    private mutating func end(_ tokenizer: inout HTMLTokenizer) {
        element = nil
        depth = 0
        foreignStack.removeAll(keepingCapacity: true)
        tokenizer.foreignContent = false
    }
}
