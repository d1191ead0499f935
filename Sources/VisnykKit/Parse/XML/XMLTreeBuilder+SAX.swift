import CLibXML2

extension XMLTreeBuilder {
    /// A SAX2 handler with only the callbacks the tree needs: no entity or DTD callbacks at all.
    static func saxHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localname, prefix, uri, _, _, attributeCount, _, attributes in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee
                .startElement(localname, prefix, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.endElement()
        }
        handler.characters = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.characters(bytes, Int(length))
        }
        handler.cdataBlock = handler.characters
        handler.processingInstruction = { context, target, data in
            guard let context, let target else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.processingInstruction(target, data)
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.record(error)
        }
        return handler
    }

    mutating func startElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                               _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                               _ fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let localname else { return }
        if stack.count >= XMLTreeBuilder.maximumDepth || skippedDepth > 0 {
            skippedDepth += 1
            depthExceeded = true
            return
        }
        flushText()
        let parent = stack.last
        // A second root element (recovery mode) is left out, with everything inside it.
        if parent == nil, !elements.isEmpty { return }
        let namespace = namespaceOf(prefix: prefix, uri: uri)
        var base = parent.map { elements[Int($0)].base } ?? 0
        var language = parent.map { elements[Int($0)].language } ?? -1
        let firstAttribute = Int32(attributes.count)
        if let fields, attributeCount > 0 {
            for index in 0..<attributeCount {
                let field = fields + index * 5
                guard let name = field[0], let start = field[3], let end = field[4] else { continue }
                let valueStart = Int32(attributeText.count)
                appendAttributeValue(start, max(0, end - start))
                let attribute = XMLDocument.AttributeRecord(
                    name: intern(name), namespace: namespaceOf(prefix: field[1], uri: field[2]),
                    start: valueStart, count: Int32(attributeText.count) - valueStart)
                if attribute.namespace == .xml, attribute.name == .base || attribute.name == .lang {
                    let value = attributeString(attribute)
                    if attribute.name == .base {
                        bases.append(URLResolver.resolve(value, against: bases[Int(base)]))
                        base = Int32(bases.count - 1)
                    } else {
                        languages.append(value)
                        language = Int32(languages.count - 1)
                    }
                }
                attributes.append(attribute)
            }
        }
        let index = Int32(elements.count)
        elements.append(XMLDocument.ElementRecord(
            name: intern(localname), namespace: namespace, firstAttribute: firstAttribute,
            attributeCount: Int32(attributes.count) - firstAttribute, base: base, language: language,
            line: currentLine))
        if let parent {
            appendChild(XMLDocument.NodeRecord(element: index, start: 0, count: 0), to: parent)
            elements[Int(parent)].hasElementChildren = true
        }
        stack.append(index)
    }

    mutating func endElement() {
        if skippedDepth > 0 {
            skippedDepth -= 1
            return
        }
        flushText()
        if !stack.isEmpty { stack.removeLast() }
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ length: Int) {
        if pendingSection != nil { copyPendingSection() }
        guard !stack.isEmpty, !textRunCut else { return }
        let room = XMLTreeBuilder.maximumTextLength - (text.count - textStart)
        guard length > room else {
            text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
            return
        }
        textTruncated = true
        textRunCut = true
        if room > 0 { text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: room)) }
        dropIncompleteCharacterAtEnd()
    }

    /// Processing instructions are ignored, except those standing for offloaded text.
    mutating func processingInstruction(_ target: UnsafePointer<xmlChar>, _ data: UnsafePointer<xmlChar>?) {
        guard let offloaded, let section = offloaded.section(target: target, data: data) else { return }
        guard !stack.isEmpty || skippedDepth > 0 else {
            offloadMisplaced = true
            return
        }
        if pendingSection == nil, text.count == textStart, !stack.isEmpty, !textRunCut,
           section.range.count <= XMLTreeBuilder.maximumTextLength, offloaded.contains(section) {
            pendingSection = section
            return
        }
        offloaded.withBytes(of: section) { bytes in
            guard let base = bytes.baseAddress else { return }
            characters(base, bytes.count)
        }
    }

    /// Copies the pending section into the text arena, where the run goes on. (Rare: kept
    /// out of line so that `characters` stays small enough to inline.)
    @inline(never)
    private mutating func copyPendingSection() {
        guard let section = pendingSection, let offloaded else { return }
        pendingSection = nil
        offloaded.withBytes(of: section) { text.append(contentsOf: $0) }
    }

    /// Cutting text at a byte limit can split a character: its leading bytes go.
    private mutating func dropIncompleteCharacterAtEnd() {
        var lead = text.count
        while lead > textStart, lead > text.count - 4 {
            lead -= 1
            let byte = text[lead]
            guard byte & 0xC0 == 0x80 else {
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if lead + length > text.count { text.removeSubrange(lead...) }
                return
            }
        }
        text.removeSubrange(lead...)
    }

    mutating func record(_ error: xmlErrorPtr) {
        guard firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        message = message.trimmingXMLWhitespace()
        firstError = XMLParseError(line: Int(error.pointee.line), message: message)
    }

    private mutating func intern(_ pointer: UnsafePointer<xmlChar>) -> XMLName {
        if let id = nameCache.id(for: pointer) { return XMLName(id: id) }
        let name = String(cString: pointer)
        let id: UInt32
        if let known = XMLName.knownIDs[name] ?? nameIDs[name] {
            id = known
        } else {
            id = UInt32(names.count)
            names.append(name)
            nameIDs[name] = id
        }
        nameCache.store(id, for: pointer)
        return XMLName(id: id)
    }

    private mutating func namespaceOf(prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> XMLNamespace {
        if let uri {
            if let id = uriCache.id(for: uri) { return XMLNamespace(id: id) }
            let namespace = namespaceID(Namespace.canonical(String(cString: uri)))
            uriCache.store(namespace.id, for: uri)
            return namespace
        }
        guard let prefix else { return .none }
        if let id = prefixCache.id(for: prefix) { return XMLNamespace(id: id) }
        let name = String(cString: prefix)
        let namespace = namespaceID(Namespace.forUndeclaredPrefix(name) ?? "undeclared:" + name)
        prefixCache.store(namespace.id, for: prefix)
        return namespace
    }

    private mutating func namespaceID(_ uri: String) -> XMLNamespace {
        if let known = XMLNamespace.knownIDs[uri] ?? namespaceIDs[uri] { return XMLNamespace(id: known) }
        let id = UInt32(namespaces.count)
        namespaces.append(uri)
        namespaceIDs[uri] = id
        return XMLNamespace(id: id)
    }

    /// Without entity substitution libxml2 hands '&' in attribute values over as "&#38;".
    private mutating func appendAttributeValue(_ start: UnsafePointer<xmlChar>, _ count: Int) {
        let value = UnsafeBufferPointer(start: start, count: count)
        var copied = 0
        var i = 0
        while i + 5 <= count {
            if value[i] == UInt8(ascii: "&"), value[i + 1] == UInt8(ascii: "#"), value[i + 2] == UInt8(ascii: "3"),
               value[i + 3] == UInt8(ascii: "8"), value[i + 4] == UInt8(ascii: ";") {
                attributeText.append(contentsOf: UnsafeBufferPointer(rebasing: value[copied..<i]))
                attributeText.append(UInt8(ascii: "&"))
                i += 5
                copied = i
            } else {
                i += 1
            }
        }
        attributeText.append(contentsOf: UnsafeBufferPointer(rebasing: value[copied..<count]))
    }

    private func attributeString(_ attribute: XMLDocument.AttributeRecord) -> String {
        attributeText.withUnsafeBufferPointer { all in
            let start = Int(attribute.start)
            return ValidUTF8String.make(UnsafeBufferPointer(rebasing: all[start..<start + Int(attribute.count)]))
        }
    }
}
