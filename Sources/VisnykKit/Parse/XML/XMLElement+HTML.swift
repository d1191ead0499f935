extension XMLElement {
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The element's content written back as HTML: for Atom `type="xhtml"` and for the RSS
    /// descriptions that carry raw, unescaped HTML as child elements.
    var innerHTML: String {
        var html = ""
        appendChildren(to: &html)
        return html
    }

    private func appendChildren(to html: inout String) {
        for child in children {
            switch child {
            case .text(let text): html += HTMLEscaping.escapeText(text.string)
            case .element(let element): element.appendOuterHTML(to: &html)
            }
        }
    }

    private func appendOuterHTML(to html: inout String) {
        let name = nameString
        html += "<" + name
        for attribute in attributes where attribute.namespace == .none || attribute.namespace == .xhtml {
            html += " " + attribute.name + "=\"" + HTMLEscaping.escapeAttribute(attribute.value) + "\""
        }
        html += ">"
        if Self.voidElements.contains(name), !hasChildren { return }
        appendChildren(to: &html)
        html += "</" + name + ">"
    }
}
