extension HTMLSanitizerRun {
    /// Index of the open element an end tag `name` closes ("has an element in scope"; any
    /// heading end tag closes any open heading).
    func openIndex(of element: HTMLElement, flags: HTMLElementInfo.Flags) -> Int? {
        let tablePart = flags.contains(.tablePart)
        let heading = flags.contains(.heading)
        var i = open.count - 1
        while i >= 0 {
            let open = open[i]
            if open.element == element || (heading && open.flags.contains(.heading)) { return i }
            if tablePart {
                if open.element == .table { return nil }
            } else if open.flags.contains(.scopeBoundary) {
                return nil
            } else if element == .li, open.element == .ol || open.element == .ul {
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// Closes what HTML5's tree builder closes implicitly when `name` starts.
    mutating func closeImplied(before element: HTMLElement, flags: HTMLElementInfo.Flags) {
        if flags.contains(.closesParagraph) { closeParagraph() }
        guard flags.contains(.closesOthers) else { return }
        if flags.contains(.heading) {
            if let top = open.last, top.flags.contains(.heading) { closeElements(from: open.count - 1) }
            return
        }
        switch element {
        case .li:
            closeListItem { $0 == .li }
        case .dd, .dt:
            closeListItem { $0 == .dd || $0 == .dt }
        case .a:
            if let index = lowestIndex(of: { $0 == .a }, stoppingAt: { $0 == .td || $0 == .th || $0 == .caption }) {
                closeElements(from: index)
            }
        case .tr:
            if let index = lowestIndex(of: { $0 == .tr || $0 == .td || $0 == .th }, stoppingAt: { $0 == .table }) {
                closeElements(from: index)
            }
        case .td, .th:
            if let index = lowestIndex(of: { $0 == .td || $0 == .th }, stoppingAt: { $0 == .tr || $0 == .table }) {
                closeElements(from: index)
            }
        case .tbody, .thead, .tfoot:
            let rowGroupPart: (HTMLElement) -> Bool = {
                switch $0 {
                case .tbody, .thead, .tfoot, .tr, .td, .th: return true
                default: return false
                }
            }
            if let index = lowestIndex(of: rowGroupPart, stoppingAt: { $0 == .table }) {
                closeElements(from: index)
            }
        default:
            break
        }
    }

    mutating func closeParagraph() {
        if let index = openIndex(of: .p, flags: []) { closeElements(from: index) }
    }

    /// Closes the innermost open element matching `matches`, unless a special element other
    /// than address, div or p comes first.
    private mutating func closeListItem(_ matches: (HTMLElement) -> Bool) {
        var i = open.count - 1
        while i >= 0 {
            let open = open[i]
            if matches(open.element) {
                closeElements(from: i)
                return
            }
            if open.flags.contains(.special), open.element != .address, open.element != .div, open.element != .p { return }
            i -= 1
        }
    }

    /// The lowest index matching `matches`, searching down from the top and giving up at `stops`.
    private func lowestIndex(of matches: (HTMLElement) -> Bool, stoppingAt stops: (HTMLElement) -> Bool) -> Int? {
        var found: Int?
        var i = open.count - 1
        while i >= 0 {
            let name = open[i].element
            if stops(name) { break }
            if matches(name) { found = i }
            i -= 1
        }
        return found
    }

    /// Writes end tags for the element at `index` and everything above it, and pops them.
    mutating func closeElements(from index: Int) {
        guard index >= 0, index < open.count else { return }
        var i = open.count - 1
        while i >= index {
            let element = open[i]
            appendEndTag(element.element, flags: element.flags)
            i -= 1
        }
        open.removeSubrange(index...)
    }
}
