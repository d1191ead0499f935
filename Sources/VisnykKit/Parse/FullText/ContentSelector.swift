/// A CSS-like selector naming a page's article container, for the sites the scorer gets
/// wrong: compounds of a tag, `.class`, `#id`, `[attr]` and `[attr=value]` (value bare or
/// quoted), joined by white space (descendant). `div.entry-content`, `#main`,
/// `article .body`, `[itemprop=articleBody]`.
public struct ContentSelector: Sendable, Equatable, CustomStringConvertible {
    struct Compound: Sendable, Equatable {
        var tag: String?
        var classes: [String] = []
        var id: String?
        var attributes: [Attribute] = []
    }

    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String?
    }

    /// The compounds from outermost to innermost.
    let compounds: [Compound]
    public let description: String

    static let maximumLength = 512

    public init(_ source: String) throws(ContentSelectorError) {
        guard source.utf8.count <= Self.maximumLength else {
            throw ContentSelectorError(selector: String(source.prefix(40)) + "…", reason: "it is longer than \(Self.maximumLength) bytes")
        }
        var parser = ContentSelectorParser(source)
        compounds = try parser.parse()
        description = source
    }

    /// The first element (document order, the root included) the selector matches.
    func firstMatch(in root: HTMLNode) -> HTMLNode? {
        var ancestors: [HTMLNode] = []
        return firstMatch(root, ancestors: &ancestors)
    }

    private func firstMatch(_ node: HTMLNode, ancestors: inout [HTMLNode]) -> HTMLNode? {
        if matches(node, ancestors: ancestors) { return node }
        ancestors.append(node)
        defer { ancestors.removeLast() }
        for child in node.children where !child.isText {
            if let found = firstMatch(child, ancestors: &ancestors) { return found }
        }
        return nil
    }

    /// The innermost compound matches the node and the others match ancestors in order;
    /// taking the nearest ancestor each time is exact with descendant combinators only.
    private func matches(_ node: HTMLNode, ancestors: [HTMLNode]) -> Bool {
        guard let last = compounds.last, Self.matches(last, node) else { return false }
        var remaining = compounds.dropLast()
        var index = ancestors.count - 1
        while let compound = remaining.last {
            while index >= 0, !Self.matches(compound, ancestors[index]) { index -= 1 }
            if index < 0 { return false }
            remaining.removeLast()
            index -= 1
        }
        return true
    }

    static func matches(_ compound: Compound, _ node: HTMLNode) -> Bool {
        if let tag = compound.tag, node.name != tag { return false }
        if let id = compound.id, node.attribute("id") != id { return false }
        for token in compound.classes where !node.hasClass(token) { return false }
        for attribute in compound.attributes {
            guard let value = node.attribute(attribute.name) else { return false }
            if let wanted = attribute.value, value != wanted { return false }
        }
        return true
    }
}

/// A content selector that cannot be read, with the reason in plain words.
public struct ContentSelectorError: Error, Equatable, CustomStringConvertible {
    public let selector: String
    public let reason: String

    public var description: String {
        "content_selector \"\(selector)\" cannot be used: \(reason). Write it as tags, .class, #id and [attr=value] joined by spaces, like \"div.entry-content\" or \"article .body\"."
    }
}
