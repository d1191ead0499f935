extension HTMLSanitizerRun {
    /// Index of the open element an end tag `name` closes ("has an element in scope"; any
    /// heading end tag closes any open heading).
    func openIndex(of name: String, flags: HTMLElementInfo.Flags) -> Int? {
        let tablePart = flags.contains(.tablePart)
        let heading = flags.contains(.heading)
        var i = open.count - 1
        while i >= 0 {
            let element = open[i]
            if element.name == name || (heading && element.flags.contains(.heading)) { return i }
            if tablePart {
                if element.name == "table" { return nil }
            } else if element.flags.contains(.scopeBoundary) {
                return nil
            } else if name == "li", element.name == "ol" || element.name == "ul" {
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// Closes what HTML5's tree builder closes implicitly when `name` starts.
    mutating func closeImplied(before name: String, flags: HTMLElementInfo.Flags) {
        if flags.contains(.closesParagraph) { closeParagraph() }
        guard flags.contains(.closesOthers) else { return }
        if flags.contains(.heading) {
            if let top = open.last, top.flags.contains(.heading) { closeElements(from: open.count - 1) }
            return
        }
        switch name {
        case "li":
            closeListItem { $0 == "li" }
        case "dd", "dt":
            closeListItem { $0 == "dd" || $0 == "dt" }
        case "a":
            if let index = lowestIndex(of: { $0 == "a" }, stoppingAt: { $0 == "td" || $0 == "th" || $0 == "caption" }) {
                closeElements(from: index)
            }
        case "tr":
            if let index = lowestIndex(of: { $0 == "tr" || $0 == "td" || $0 == "th" }, stoppingAt: { $0 == "table" }) {
                closeElements(from: index)
            }
        case "td", "th":
            if let index = lowestIndex(of: { $0 == "td" || $0 == "th" }, stoppingAt: { $0 == "tr" || $0 == "table" }) {
                closeElements(from: index)
            }
        case "tbody", "thead", "tfoot":
            if let index = lowestIndex(of: { ["tbody", "thead", "tfoot", "tr", "td", "th"].contains($0) }, stoppingAt: { $0 == "table" }) {
                closeElements(from: index)
            }
        default:
            break
        }
    }

    mutating func closeParagraph() {
        if let index = openIndex(of: "p", flags: []) { closeElements(from: index) }
    }

    /// Closes the innermost open element matching `matches`, unless a special element other
    /// than address, div or p comes first.
    private mutating func closeListItem(_ matches: (String) -> Bool) {
        var i = open.count - 1
        while i >= 0 {
            let element = open[i]
            if matches(element.name) {
                closeElements(from: i)
                return
            }
            if element.flags.contains(.special), element.name != "address", element.name != "div", element.name != "p" { return }
            i -= 1
        }
    }

    /// The lowest index matching `matches`, searching down from the top and giving up at `stops`.
    private func lowestIndex(of matches: (String) -> Bool, stoppingAt stops: (String) -> Bool) -> Int? {
        var found: Int?
        var i = open.count - 1
        while i >= 0 {
            let name = open[i].name
            if stops(name) { break }
            if matches(name) { found = i }
            i -= 1
        }
        return found
    }

    /// Writes end tags for the element at `index` and everything above it, and pops them.
    mutating func closeElements(from index: Int) {
        guard index >= 0, index < open.count else { return }
        for element in open[index...].reversed() { appendEndTag(element.name, flags: element.flags) }
        open.removeSubrange(index...)
    }
}
