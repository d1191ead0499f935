import Foundation
import CLibXML2

extension XMLTreeBuilder {
    /// A SAX2 handler with only the callbacks the tree needs: no entity or DTD callbacks at all.
    static func saxHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localname, prefix, uri, _, _, attributeCount, _, attributes in
            guard let context else { return }
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
                .startElement(localname, prefix, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().endElement()
        }
        handler.characters = { context, bytes, length in
            guard let context, let bytes else { return }
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
                .characters(bytes, Int(length))
        }
        handler.cdataBlock = handler.characters
        handler.serror = { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().record(error)
        }
        return handler
    }

    func intern(_ pointer: UnsafePointer<xmlChar>) -> String {
        // libxml2 interns names in its dictionary, so a pointer identifies a name for this parse.
        let key = UnsafeRawPointer(pointer)
        for entry in names where entry.pointer == key { return entry.name }
        let name = String(cString: pointer)
        if names.count < 256 { names.append((key, name)) }
        return name
    }

    func startElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                      _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                      _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let localname else { return }
        if stack.count >= XMLTreeBuilder.maximumDepth || skippedDepth > 0 {
            skippedDepth += 1
            depthExceeded = true
            return
        }
        flushText()
        let parent = stack.last
        let namespace = namespaceOf(prefix: prefix, uri: uri)
        var parsed: [XMLAttribute] = []
        var base = parent?.base ?? documentBase
        var language = parent?.language
        if let attributes, attributeCount > 0 {
            parsed.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                let field = attributes + index * 5
                guard let name = field[0], let start = field[3], let end = field[4] else { continue }
                let value = attributeValue(start, end)
                let attributeNamespace = namespaceOf(prefix: field[1], uri: field[2])
                if attributeNamespace == Namespace.xml {
                    let local = intern(name)
                    if local == "base" {
                        base = URLResolver.resolve(value, against: base)
                    } else if local == "lang" {
                        language = value
                    }
                }
                parsed.append(XMLAttribute(name: intern(name), namespace: attributeNamespace, value: value))
            }
        }
        let element = XMLElement(name: intern(localname), namespace: namespace, attributes: parsed,
                                 base: base, language: language, line: currentLine)
        if let parent {
            parent.children.append(.element(element))
        } else if root == nil {
            root = element
        } else {
            return
        }
        stack.append(element)
    }

    func endElement() {
        if skippedDepth > 0 {
            skippedDepth -= 1
            return
        }
        flushText()
        if !stack.isEmpty { stack.removeLast() }
    }

    func characters(_ bytes: UnsafePointer<xmlChar>, _ length: Int) {
        guard !stack.isEmpty, length > 0 else { return }
        let room = XMLTreeBuilder.maximumTextLength - text.count
        if length > room {
            textTruncated = true
            if room > 0 { text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: room)) }
            return
        }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }

    func record(_ error: xmlErrorPtr) {
        guard firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        message = message.trimmingXMLWhitespace()
        firstError = XMLParseError(line: Int(error.pointee.line), message: message)
    }

    private func namespaceOf(prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> String {
        if let uri { return Namespace.canonical(intern(uri)) }
        guard let prefix else { return Namespace.none }
        let name = intern(prefix)
        return Namespace.forUndeclaredPrefix(name) ?? "undeclared:" + name
    }

    private func attributeValue(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let count = max(0, end - start)
        let value = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        // Without entity substitution libxml2 hands '&' in attribute values over as "&#38;".
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingOccurrences(of: "&#38;", with: "&")
    }
}
