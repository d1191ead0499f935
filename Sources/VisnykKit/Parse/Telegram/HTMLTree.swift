import CLibXML2

/// One node of an HTML page read with libxml2's HTML parser, copied into Swift values so
/// that nothing outlives the libxml2 document: an element (lowercased name, attributes,
/// children) or a run of text (entities already decoded).
struct HTMLNode {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [HTMLNode]
    /// The characters of a text node; empty for elements.
    var text: String

    var isText: Bool { name.isEmpty }

    static func element(_ name: String, attributes: [(name: String, value: String)] = [],
                        children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(name: name, attributes: attributes, children: children, text: "")
    }

    static func textNode(_ text: String) -> HTMLNode {
        HTMLNode(name: "", attributes: [], children: [], text: text)
    }
}

/// Reads an HTML page into an `HTMLNode` tree with libxml2's forgiving HTML parser.
///
/// Safety: no network (`HTML_PARSE_NONET`), the refusing entity loader of `LibXML`, no
/// `HUGE` option, the bytes are UTF-8 already (the document's own charset hints are ignored),
/// and the copy stops at `maximumDepth` so that walking the tree cannot exhaust the stack.
enum HTMLTree {
    static let maximumDepth = 256

    /// The `<html>` element, or nil when libxml2 found no element at all.
    static func parse(_ utf8: [UInt8], url: String?) -> HTMLNode? {
        LibXML.initialize()
        guard utf8.count < Int(Int32.max) else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let document: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), url, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return copy(root, depth: 0)
    }

    private static func copy(_ node: xmlNodePtr, depth: Int) -> HTMLNode? {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return nil }
            return .textNode(String(cString: content))
        case XML_ELEMENT_NODE:
            guard let rawName = node.pointee.name else { return nil }
            var element = HTMLNode.element(String(cString: rawName).lowercased())
            var attribute = node.pointee.properties
            while let current = attribute {
                if let name = current.pointee.name {
                    element.attributes.append((String(cString: name).lowercased(), value(of: current)))
                }
                attribute = current.pointee.next
            }
            guard depth < maximumDepth else { return element }
            var child = node.pointee.children
            while let current = child {
                if let copied = copy(current, depth: depth + 1) { element.children.append(copied) }
                child = current.pointee.next
            }
            return element
        default:
            return nil
        }
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content { value += String(cString: content) }
            child = current.pointee.next
        }
        return value
    }
}
