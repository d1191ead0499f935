/// What the sanitizer and the text extractor need to know about an element, found by its id.
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
        static let foreignBreakout = Flags(rawValue: 1 << 12)
        /// The sanitizer keeps it (with `allowedAttributes`).
        static let allowed = Flags(rawValue: 1 << 13)
    }

    var flags: Flags = []
    /// Attributes the sanitizer keeps, global ones included (empty when not allowed).
    var allowedAttributes = HTMLAttributeSet()

    @inline(__always)
    static func of(_ element: HTMLElement) -> HTMLElementInfo {
        table[Int(element.rawValue)]
    }

    private static let table: [HTMLElementInfo] = {
        var table = Array(repeating: HTMLElementInfo(), count: HTMLElement.allCases.count)
        func mark(_ names: Set<String>, _ flag: Flags) {
            for name in names { table[index(name)].flags.insert(flag) }
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
        mark(HTMLElements.foreignBreakout, .foreignBreakout)
        for (name, attributes) in HTMLSanitizer.allowedElements {
            table[index(name)].flags.insert(.allowed)
            table[index(name)].allowedAttributes = HTMLAttributeSet(attributes.union(HTMLSanitizer.globalAttributes))
        }
        return table
    }()

    private static func index(_ name: String) -> Int {
        let element = HTMLElement.named(name)
        precondition(element != .unknown, "element without an id: \(name)")
        return Int(element.rawValue)
    }
}

/// An element on the sanitizer's stack of open elements.
struct HTMLOpenElement {
    let element: HTMLElement
    let flags: HTMLElementInfo.Flags
}
