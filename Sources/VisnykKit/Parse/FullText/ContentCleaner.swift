/// Removes what is never article text: before scoring, the elements that hold no article and
/// the blocks whose class/id says they are chrome; inside the chosen container, the blocks
/// that look like chrome by their shape (readability's "clean conditionally").
enum ContentCleaner {
    /// `node` without dropped elements and unlikely blocks (the node itself is kept).
    static func withoutChrome(_ node: HTMLNode) -> HTMLNode {
        var node = node
        node.children = node.children.compactMap { child in
            if child.isText { return child }
            if ContentHints.droppedElements.contains(child.name) || ContentHints.isUnlikely(child) { return nil }
            return withoutChrome(child)
        }
        return node
    }

    private static let conditional: Set<String> = ["div", "section", "ul", "ol", "table", "dl", "figure"]
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// `container` without the blocks inside it that read like navigation or widgets.
    static func withoutJunk(_ container: HTMLNode) -> HTMLNode {
        var node = container
        node.children = node.children.compactMap { child in
            if child.isText { return child }
            if headings.contains(child.name), ContentHints.weight(of: child) < 0 { return nil }
            if conditional.contains(child.name), isJunk(child) { return nil }
            return withoutJunk(child)
        }
        return node
    }

    private static func isJunk(_ block: HTMLNode) -> Bool {
        let weight = ContentHints.weight(of: block)
        if weight < 0 { return true }
        // Commas in link text do not count: a list of headlines is full of them.
        if ContentScore.commasOutsideLinks(in: block) >= 10 { return false }
        let paragraphs = block.count(of: ["p"])
        let items = block.count(of: ["li"])
        let images = block.count(of: ["img", "picture", "video"])
        if block.name != "ul", block.name != "ol", items > paragraphs { return true }
        if block.visibleLength < 25, images == 0 { return true }
        let density = block.linkDensity
        return weight < 25 ? density > 0.2 : density > 0.5
    }
}
