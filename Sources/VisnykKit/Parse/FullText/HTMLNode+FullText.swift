/// What the full-text extractor needs of a node: its class/id words, its visible text length,
/// the share of that text inside links, and its markup written back out for the sanitizer.
extension HTMLNode {
    /// The words of `class` and `id`, lowercased, split at anything but letters and digits
    /// ("entry-content post_body" → entry, content, post, body).
    var hintWords: [Substring] {
        let joined = ((attribute("class") ?? "") + " " + (attribute("id") ?? "")).lowercased()
        return joined.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    /// Characters of the text with white space runs counted as one.
    var visibleLength: Int {
        if isText { return Self.collapsedLength(text) }
        return children.reduce(0) { $0 + $1.visibleLength }
    }

    /// Visible characters inside `a` elements.
    var linkedLength: Int {
        if isText { return 0 }
        if name == "a" { return visibleLength }
        return children.reduce(0) { $0 + $1.linkedLength }
    }

    /// Linked text / all text: near 1 for menus and headline lists.
    var linkDensity: Double {
        let length = visibleLength
        return length == 0 ? 0 : Double(linkedLength) / Double(length)
    }

    /// Descendant elements with one of `names`.
    func count(of names: Set<String>) -> Int {
        children.reduce(0) { total, child in
            child.isText ? total : total + (names.contains(child.name) ? 1 : 0) + child.count(of: names)
        }
    }

    private static func collapsedLength(_ s: String) -> Int {
        var count = 0
        var inSpace = true
        for character in s {
            if character.isWhitespace {
                if !inSpace { count += 1 }
                inSpace = true
            } else {
                count += 1
                inSpace = false
            }
        }
        return count
    }

    /// The children written out as HTML (every attribute kept: the sanitizer decides).
    var innerHTML: String {
        var html = ""
        for child in children { child.appendHTML(to: &html) }
        return html
    }

    private static let voidElements: Set<String> = [
        "area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    private func appendHTML(to html: inout String) {
        if isText {
            html += HTMLEscaping.escapeText(text)
            return
        }
        // A name libxml2 accepted but HTML cannot write back is left out, its content kept.
        guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
            for child in children { child.appendHTML(to: &html) }
            return
        }
        html += "<" + name
        for attribute in attributes where attribute.name.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x22 && $0 != 0x27 && $0 != 0x2F && $0 != 0x3D && $0 != 0x3E }) {
            html += " " + attribute.name + "=\"" + HTMLEscaping.escapeAttribute(attribute.value) + "\""
        }
        html += ">"
        if Self.voidElements.contains(name) { return }
        for child in children { child.appendHTML(to: &html) }
        html += "</" + name + ">"
    }
}
