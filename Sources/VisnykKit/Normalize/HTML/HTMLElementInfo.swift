/// What the sanitizer and the text extractor need to know about an element, found with one
/// dictionary lookup per tag.
struct HTMLElementInfo {
    struct Flags: OptionSet {
        let rawValue: UInt32
        static let void = Flags(rawValue: 1 << 0)
        static let closesParagraph = Flags(rawValue: 1 << 1)
        static let special = Flags(rawValue: 1 << 2)
        static let heading = Flags(rawValue: 1 << 3)
        static let scopeBoundary = Flags(rawValue: 1 << 4)
        static let tablePart = Flags(rawValue: 1 << 5)
        /// Its start tag implicitly closes something besides a `p` (li, dd, a, tr, td, ...).
        static let closesOthers = Flags(rawValue: 1 << 6)
        static let droppedWithContent = Flags(rawValue: 1 << 7)
        static let hiddenInText = Flags(rawValue: 1 << 8)
        static let paragraphInText = Flags(rawValue: 1 << 9)
        static let lineInText = Flags(rawValue: 1 << 10)
        static let foreignRoot = Flags(rawValue: 1 << 11)
    }

    var flags: Flags = []
    /// Attributes the sanitizer keeps; nil when the element is not allowed.
    var allowedAttributes: Set<String>?

    static let unknown = HTMLElementInfo()

    @inline(__always)
    static func of(_ name: String) -> HTMLElementInfo {
        table[name] ?? unknown
    }

    private static let table: [String: HTMLElementInfo] = {
        var table: [String: HTMLElementInfo] = [:]
        func mark(_ names: Set<String>, _ flag: Flags) {
            for name in names { table[name, default: HTMLElementInfo()].flags.insert(flag) }
        }
        mark(HTMLElements.void, .void)
        mark(HTMLElements.closesParagraph, .closesParagraph)
        mark(HTMLElements.special, .special)
        mark(HTMLElements.headings, .heading)
        mark(HTMLElements.scopeBoundaries, .scopeBoundary)
        mark(["table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th"], .tablePart)
        mark(HTMLElements.headings.union(["li", "dd", "dt", "a", "tr", "td", "th", "tbody", "thead", "tfoot"]), .closesOthers)
        mark(HTMLSanitizer.droppedWithContent, .droppedWithContent)
        mark(HTMLText.hidden, .hiddenInText)
        mark(HTMLText.paragraphs, .paragraphInText)
        mark(HTMLText.lines, .lineInText)
        mark(["svg", "math"], .foreignRoot)
        for (name, attributes) in HTMLSanitizer.allowedElements {
            table[name, default: HTMLElementInfo()].allowedAttributes = attributes
        }
        return table
    }()
}

/// An element on the sanitizer's stack of open elements.
struct HTMLOpenElement {
    let name: String
    let flags: HTMLElementInfo.Flags
}
