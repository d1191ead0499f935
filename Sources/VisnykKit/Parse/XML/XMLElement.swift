/// A node of a parsed XML document: the wire-format parsers read feeds from these.
enum XMLNode {
    case element(XMLElement)
    case text(String)
}

/// An attribute with its namespace resolved.
struct XMLAttribute {
    let name: String
    let namespace: String
    let value: String
}

/// One element of a parsed feed document. Names are local names with the namespace URI
/// resolved; `base` and `language` are the effective xml:base (already absolute where the
/// chain allows) and xml:lang in scope, so that adapters never walk up the tree.
final class XMLElement {
    let name: String
    let namespace: String
    let attributes: [XMLAttribute]
    let base: String?
    let language: String?
    let line: Int
    var children: [XMLNode] = []

    init(name: String, namespace: String, attributes: [XMLAttribute],
         base: String?, language: String?, line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.base = base
        self.language = language
        self.line = line
    }

    func attribute(_ name: String, namespace: String = "") -> String? {
        for attribute in attributes where attribute.name == name && attribute.namespace == namespace {
            return attribute.value
        }
        return nil
    }

    /// The element children, in document order.
    var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The concatenated character data of this element's direct text children.
    var text: String {
        var result = ""
        for case .text(let t) in children { result += t }
        return result
    }

    /// All descendant character data, in document order.
    var deepText: String {
        var result = ""
        appendDeepText(to: &result)
        return result
    }

    private func appendDeepText(to result: inout String) {
        for child in children {
            switch child {
            case .text(let t): result += t
            case .element(let e): e.appendDeepText(to: &result)
            }
        }
    }

    var hasElementChildren: Bool {
        children.contains { if case .element = $0 { true } else { false } }
    }

    /// The trimmed text (all descendant text when markup sneaked in), or nil when it is empty.
    var trimmedText: String? {
        let t = (hasElementChildren ? deepText : text).trimmingXMLWhitespace()
        return t.isEmpty ? nil : t
    }

    func first(_ name: String, in namespaces: [String]) -> XMLElement? {
        for case .element(let e) in children where e.name == name && namespaces.contains(e.namespace) {
            return e
        }
        return nil
    }

    func all(_ name: String, in namespaces: [String]) -> [XMLElement] {
        var found: [XMLElement] = []
        for case .element(let e) in children where e.name == name && namespaces.contains(e.namespace) {
            found.append(e)
        }
        return found
    }
}

extension StringProtocol {
    /// Trims XML white space (space, tab, CR, LF) only: U+00A0 and friends are content.
    func trimmingXMLWhitespace() -> String {
        let whole = Substring(self)
        let utf8 = whole.utf8
        if let first = utf8.first, let last = utf8.last, !Self.isXMLSpace(first), !Self.isXMLSpace(last) {
            return String(whole)
        }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, Self.isXMLSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, Self.isXMLSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(whole[start..<end])
    }

    private static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
