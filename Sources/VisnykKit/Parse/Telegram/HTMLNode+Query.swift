/// The few selectors the t.me page needs: whole class tokens (`tgme_widget_message` is a
/// prefix of many other classes), direct children and depth-first descendants.
extension HTMLNode {
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    func hasClass(_ token: String) -> Bool {
        guard let classes = attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .contains { $0 == token }
    }

    /// Element children, in document order.
    var elementChildren: [HTMLNode] { children.filter { !$0.isText } }

    func child(withClass token: String) -> HTMLNode? {
        children.first { !$0.isText && $0.hasClass(token) }
    }

    /// The first descendant (depth first, document order) that matches.
    func first(where matches: (HTMLNode) -> Bool) -> HTMLNode? {
        for child in children where !child.isText {
            if matches(child) { return child }
            if let found = child.first(where: matches) { return found }
        }
        return nil
    }

    func first(withClass token: String) -> HTMLNode? {
        first { $0.hasClass(token) }
    }

    func first(named name: String) -> HTMLNode? {
        first { $0.name == name }
    }

    /// Every matching descendant, in document order; a match's own descendants are not searched.
    func all(where matches: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        collect(where: matches, into: &found)
        return found
    }

    private func collect(where matches: (HTMLNode) -> Bool, into found: inout [HTMLNode]) {
        for child in children where !child.isText {
            if matches(child) {
                found.append(child)
            } else {
                child.collect(where: matches, into: &found)
            }
        }
    }

    /// All text below this node, concatenated.
    var textContent: String {
        if isText { return text }
        var result = ""
        appendText(to: &result)
        return result
    }

    private func appendText(to result: inout String) {
        for child in children {
            if child.isText { result += child.text } else { child.appendText(to: &result) }
        }
    }

    /// The text with white space runs collapsed and trimmed; nil when nothing is left.
    var trimmedText: String? {
        let words = textContent.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The URL inside `background-image:url('…')` of the style attribute, made absolute
    /// (emoji and some media URLs are protocol-relative).
    var backgroundImageURL: String? {
        guard let style = attribute("style"), let start = style.range(of: "url(") else { return nil }
        var rest = style[start.upperBound...]
        guard let end = rest.firstIndex(of: ")") else { return nil }
        rest = rest[..<end]
        let quotes: Set<Character> = ["'", "\"", " "]
        let url = String(rest.drop(while: { quotes.contains($0) }).reversed().drop(while: { quotes.contains($0) }).reversed())
        guard !url.isEmpty else { return nil }
        return URLResolver.resolve(url, against: "https://t.me/")
    }
}
