/// A parsed feed document stored flat: element, child-node and attribute records in arrays,
/// and all character data in one byte arena. No object per element or text node, Strings
/// made only for what an adapter reads, and freeing the tree is freeing a few arrays (no
/// recursion, whatever the nesting). `XMLElement` is the view adapters use.
final class XMLDocument {
    struct ElementRecord {
        var name: XMLName
        var namespace: XMLNamespace
        var firstAttribute: Int32
        var attributeCount: Int32
        /// Index into `bases` (0 is the document's base).
        var base: Int32
        /// Index into `languages`, or -1 for none.
        var language: Int32
        var line: Int32
        /// Indices into `nodes`, -1 when there are none.
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var hasElementChildren = false
    }

    /// A child node: an element (`element` ≥ 0) or a run of text `text[start..<start + count]`
    /// (`element` is `textInArena`), or an offloaded section left where the repair put it
    /// (`textInOffloadedSource`, `textInOffloadedDecoded`): long CDATA and text runs are not
    /// copied into the arena.
    struct NodeRecord {
        var next: Int32 = -1
        var element: Int32
        var start: Int32
        var count: Int32
    }

    struct AttributeRecord {
        var name: XMLName
        var namespace: XMLNamespace
        /// The value, `attributeText[start..<start + count]`.
        var start: Int32
        var count: Int32
    }

    static let textInArena: Int32 = -1
    static let textInOffloadedSource: Int32 = -2
    static let textInOffloadedDecoded: Int32 = -3

    let elements: [ElementRecord]
    let nodes: [NodeRecord]
    let attributes: [AttributeRecord]
    /// Character data of all text nodes: valid UTF-8, each node cut at character boundaries.
    let text: [UInt8]
    let attributeText: [UInt8]
    /// `XMLOffloadedText.source` and `.decoded`, which offloaded text nodes index.
    let offloadedSource: [UInt8]
    let offloadedDecoded: [UInt8]
    let names: [String]
    let namespaces: [String]
    let bases: [String?]
    let languages: [String]

    init(elements: [ElementRecord], nodes: [NodeRecord], attributes: [AttributeRecord], text: [UInt8],
         attributeText: [UInt8], offloaded: XMLOffloadedText?,
         names: [String], namespaces: [String], bases: [String?], languages: [String]) {
        self.elements = elements
        self.nodes = nodes
        self.attributes = attributes
        self.text = text
        self.attributeText = attributeText
        offloadedSource = offloaded?.source ?? []
        offloadedDecoded = offloaded?.decoded ?? []
        self.names = names
        self.namespaces = namespaces
        self.bases = bases
        self.languages = languages
    }

    /// The root element (the builder only makes documents that have one).
    var root: XMLElement { XMLElement(document: self, index: 0) }

    /// Calls `body` with the bytes of the text node `node`.
    func withText<R>(of node: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch node.element {
        case Self.textInOffloadedSource: Self.withBytes(of: node, in: offloadedSource, body)
        case Self.textInOffloadedDecoded: Self.withBytes(of: node, in: offloadedDecoded, body)
        default: Self.withBytes(of: node, in: text, body)
        }
    }

    @inline(__always)
    private static func withBytes<R>(of node: NodeRecord, in arena: [UInt8],
                                     _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { all in
            let start = Int(node.start)
            return body(UnsafeBufferPointer(rebasing: all[start..<start + Int(node.count)]))
        }
    }

    func string(of node: NodeRecord) -> String {
        withText(of: node) { ValidUTF8String.make($0) }
    }

    func string(attributeText start: Int32, count: Int32) -> String {
        Self.string(attributeText, from: Int(start), count: Int(count))
    }

    private static func string(_ bytes: [UInt8], from start: Int, count: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            ValidUTF8String.make(UnsafeBufferPointer(rebasing: buffer[start..<start + count]))
        }
    }
}
