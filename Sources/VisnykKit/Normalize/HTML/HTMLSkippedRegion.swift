/// A region of input whose content is skipped: an element dropped together with its content
/// (`object`, `template`, ...), or SVG/MathML, whose end is found by the tree builder's
/// foreign-content rules (nested open elements, breakout tags, integration points).
/// It also keeps the tokenizer's `foreignContent` flag in step.
struct HTMLSkippedRegion {
    enum Outcome { case consumed, reprocess }

    private(set) var name: String?
    private var depth = 0
    private var foreignStack: [String] = []

    static let maxDepth = 256

    var isActive: Bool { name != nil }

    /// Starts skipping at a start tag the consumer has just seen.
    mutating func begin(_ element: String, tokenizer: inout HTMLTokenizer) {
        name = element
        depth = 1
        if element == "svg" || element == "math" {
            foreignStack = [element]
            tokenizer.foreignContent = true
        }
    }

    /// A start tag inside the region: consumed, or (breakout from SVG/MathML) the region ends
    /// and the tag is to be processed as HTML.
    mutating func startTag(_ tokenizer: inout HTMLTokenizer) -> Outcome {
        let tag = tokenizer.tagName
        if foreignStack.isEmpty {
            if tag == name, !HTMLElements.void.contains(tag) { depth += 1 }
            return .consumed
        }
        if !atIntegrationPoint, HTMLElements.foreignBreakout.contains(tag) || (tag == "font" && tokenizer.attributes.contains {
            $0.name == "color" || $0.name == "face" || $0.name == "size"
        }) {
            end(&tokenizer)
            return .reprocess
        }
        let html = atIntegrationPoint
        if !(tokenizer.selfClosing && !html), !(html && HTMLElements.void.contains(tag)), foreignStack.count < Self.maxDepth {
            foreignStack.append(tag)
        }
        tokenizer.foreignContent = !atIntegrationPoint
        return .consumed
    }

    /// An end tag inside the region. `openOutside` tells whether the element is open in the
    /// consumer's own stack (then it closes the foreign content too).
    mutating func endTag(_ tokenizer: inout HTMLTokenizer, openOutside: Bool) -> Outcome {
        let tag = tokenizer.tagName
        if foreignStack.isEmpty {
            if tag == name {
                depth -= 1
                if depth == 0 { end(&tokenizer) }
            }
            return .consumed
        }
        if let index = foreignStack.lastIndex(of: tag) {
            foreignStack.removeSubrange(index...)
            if foreignStack.isEmpty { end(&tokenizer) } else { tokenizer.foreignContent = !atIntegrationPoint }
            return .consumed
        }
        if (!atIntegrationPoint && (tag == "p" || tag == "br")) || openOutside {
            end(&tokenizer)
            return .reprocess
        }
        return .consumed
    }

    private var atIntegrationPoint: Bool {
        guard let top = foreignStack.last else { return false }
        return HTMLElements.integrationPoints.contains(top)
    }

    private mutating func end(_ tokenizer: inout HTMLTokenizer) {
        name = nil
        depth = 0
        foreignStack.removeAll(keepingCapacity: true)
        tokenizer.foreignContent = false
    }
}
