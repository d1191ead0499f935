extension HTMLSanitizerRun {
    private static let tableParts: Set<String> = [
        "table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th",
    ]

    /// Index of the open element an end tag `name` closes ("has an element in scope"; any
    /// heading end tag closes any open heading).
    func openIndex(of name: String) -> Int? {
        let tablePart = Self.tableParts.contains(name)
        let heading = HTMLElements.headings.contains(name)
        var i = open.count - 1
        while i >= 0 {
            let element = open[i]
            if element == name || (heading && HTMLElements.headings.contains(element)) { return i }
            if tablePart {
                if element == "table" { return nil }
            } else if HTMLElements.scopeBoundaries.contains(element) {
                return nil
            } else if name == "li", element == "ol" || element == "ul" {
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// Closes what HTML5's tree builder closes implicitly when `name` starts.
    mutating func closeImplied(before name: String) {
        if HTMLElements.closesParagraph.contains(name) { closeParagraph() }
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            if let top = open.last, HTMLElements.headings.contains(top) { closeElements(from: open.count - 1) }
        case "li":
            closeListItem(["li"])
        case "dd", "dt":
            closeListItem(["dd", "dt"])
        case "a":
            if let index = lastIndex(of: ["a"], stoppingAt: ["td", "th", "caption"]) { closeElements(from: index) }
        case "tr":
            if let index = lastIndex(of: ["tr", "td", "th"], stoppingAt: ["table"]) { closeElements(from: index) }
        case "td", "th":
            if let index = lastIndex(of: ["td", "th"], stoppingAt: ["tr", "table"]) { closeElements(from: index) }
        case "tbody", "thead", "tfoot":
            if let index = lastIndex(of: ["tbody", "thead", "tfoot", "tr", "td", "th"], stoppingAt: ["table"]) {
                closeElements(from: index)
            }
        default:
            break
        }
    }

    mutating func closeParagraph() {
        if let index = openIndex(of: "p") { closeElements(from: index) }
    }

    /// Closes the innermost open element listed in `names`, writing end tags for it and all above it.
    private mutating func closeListItem(_ names: Set<String>) {
        var i = open.count - 1
        while i >= 0 {
            let element = open[i]
            if names.contains(element) {
                closeElements(from: i)
                return
            }
            if HTMLElements.special.contains(element), element != "address", element != "div", element != "p" { return }
            i -= 1
        }
    }

    /// The lowest index whose element is in `names`, searching down from the top and giving up at `stops`.
    private func lastIndex(of names: Set<String>, stoppingAt stops: Set<String>) -> Int? {
        var found: Int?
        var i = open.count - 1
        while i >= 0 {
            let element = open[i]
            if stops.contains(element) { break }
            if names.contains(element) { found = i }
            i -= 1
        }
        return found
    }

    mutating func closeElements(from index: Int) {
        guard index >= 0, index < open.count else { return }
        for name in open[index...].reversed() { appendEndTag(name) }
        open.removeSubrange(index...)
    }
}
