/// A child of an element: an element or a run of character data.
enum XMLNode {
    case element(XMLElement)
    case text(XMLTextNode)
}

/// A run of character data; its String is made only when asked for.
struct XMLTextNode {
    let document: XMLDocument
    let record: XMLDocument.NodeRecord

    var string: String { document.string(of: record) }
}

/// One element of a parsed feed document (a view into an `XMLDocument`). Names are local
/// names with the namespace URI resolved, both as ids; `base` and `language` are the
/// effective xml:base (already absolute where the chain allows) and xml:lang in scope, so
/// that adapters never walk up the tree.
struct XMLElement {
    let document: XMLDocument
    let index: Int32

    var record: XMLDocument.ElementRecord { document.elements[Int(index)] }
    var name: XMLName { record.name }
    var namespace: XMLNamespace { record.namespace }
    /// The local name as written, for messages and HTML output.
    var nameString: String { document.names[Int(record.name.id)] }
    var base: String? { document.bases[Int(record.base)] }
    var language: String? {
        let language = record.language
        return language < 0 ? nil : document.languages[Int(language)]
    }
    var line: Int { Int(record.line) }
    var hasChildren: Bool { record.firstChild >= 0 }
    var hasElementChildren: Bool { record.hasElementChildren }

    func isSame(as other: XMLElement) -> Bool {
        document === other.document && index == other.index
    }

    func attribute(_ name: XMLName, namespace: XMLNamespace = .none) -> String? {
        let element = record
        let start = Int(element.firstAttribute)
        for i in start..<start + Int(element.attributeCount) {
            let attribute = document.attributes[i]
            if attribute.name == name, attribute.namespace == namespace {
                return document.string(attributeText: attribute.start, count: attribute.count)
            }
        }
        return nil
    }

    /// All attributes with their names and values as Strings (for writing HTML back out).
    var attributes: [(name: String, namespace: XMLNamespace, value: String)] {
        let element = record
        let start = Int(element.firstAttribute)
        return (start..<start + Int(element.attributeCount)).map { i in
            let attribute = document.attributes[i]
            return (document.names[Int(attribute.name.id)], attribute.namespace,
                    document.string(attributeText: attribute.start, count: attribute.count))
        }
    }

    /// The child nodes, in document order.
    var children: XMLChildren { XMLChildren(document: document, first: record.firstChild) }

    /// The element children, in document order.
    var elements: [XMLElement] {
        var found: [XMLElement] = []
        for case .element(let e) in children { found.append(e) }
        return found
    }

    func first(_ name: XMLName, where inNamespace: (XMLNamespace) -> Bool) -> XMLElement? {
        for case .element(let e) in children where e.name == name && inNamespace(e.namespace) {
            return e
        }
        return nil
    }

    func all(_ name: XMLName, where inNamespace: (XMLNamespace) -> Bool) -> [XMLElement] {
        var found: [XMLElement] = []
        for case .element(let e) in children where e.name == name && inNamespace(e.namespace) {
            found.append(e)
        }
        return found
    }
}

/// The children of an element, following the sibling links of the flat node array.
struct XMLChildren: Sequence, IteratorProtocol {
    let document: XMLDocument
    var cursor: Int32

    init(document: XMLDocument, first: Int32) {
        self.document = document
        self.cursor = first
    }

    mutating func next() -> XMLNode? {
        guard cursor >= 0 else { return nil }
        let node = document.nodes[Int(cursor)]
        cursor = node.next
        if node.element >= 0 { return .element(XMLElement(document: document, index: node.element)) }
        return .text(XMLTextNode(document: document, record: node))
    }
}
