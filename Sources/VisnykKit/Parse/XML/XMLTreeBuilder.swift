import CLibXML2

/// Builds an `XMLDocument` from UTF-8 bytes with libxml2's SAX2 push parser: far cheaper
/// than libxml2's own DOM, and the tree keeps only what feed adapters read.
///
/// Safety: no option that loads DTDs or expands entities is ever set, entity declarations
/// are not even recorded (no `entityDecl` callback), and a refusing external entity loader is
/// installed, so XXE and entity expansion bombs have nothing to work with. libxml2's own
/// limits (depth 256, name and text lengths) stay on: `XML_PARSE_HUGE` is never used.
///
/// The builder's state is a struct that the SAX callbacks reach through a pointer: no
/// reference counting or exclusivity checks per event.
struct XMLTreeBuilder {
    /// Text beyond this, per element, is cut: no feed needs a 16 MiB title.
    static let maximumTextLength = 16 << 20
    /// libxml2's own limit for its pull parser; its push parser does not check, and a deeper
    /// tree would overflow the stack when walked. Deeper elements are dropped, their text kept.
    static let maximumDepth = 256

    struct Result {
        let document: XMLDocument
        let recovered: Bool
        let firstError: XMLParseError?
        /// Limits that cut the document short, in plain words.
        let limitsHit: [String]

        var root: XMLElement { document.root }
    }

    var elements: [XMLDocument.ElementRecord] = []
    var nodes: [XMLDocument.NodeRecord] = []
    var attributes: [XMLDocument.AttributeRecord] = []
    var text: [UInt8] = []
    var attributeText: [UInt8] = []
    var names: [String] = XMLName.known
    var nameIDs: [String: UInt32] = [:]
    var namespaces: [String] = XMLNamespace.known
    var namespaceIDs: [String: UInt32] = [:]
    var bases: [String?]
    var languages: [String] = []
    var stack: [Int32] = []
    /// Where the text run not yet made a node starts in `text`.
    var textStart = 0
    var textTruncated = false
    /// The current text run reached the length limit: the rest of it is dropped.
    var textRunCut = false
    var skippedDepth = 0
    var depthExceeded = false
    var firstError: XMLParseError?
    var context: xmlParserCtxtPtr?
    /// libxml2 interns names and namespace URIs in its dictionary, so a pointer identifies
    /// one for the whole parse: direct-mapped caches from pointer to id.
    var nameCache = PointerIDCache()
    var uriCache = PointerIDCache()
    var prefixCache = PointerIDCache()
    var offloaded: XMLOffloadedText?
    /// An offloaded section that is the whole text run so far: the node will point into the
    /// offloaded bytes instead of copying them, unless more text joins the run.
    var pendingSection: XMLOffloadedText.Section?
    /// An offloaded section stood outside the root element, where character data is an error.
    var offloadMisplaced = false

    private init(documentBase: String?, inputSize: Int) {
        bases = [documentBase]
        text.reserveCapacity(inputSize)
        stack.reserveCapacity(32)
    }

    var limitsHit: [String] {
        var notes: [String] = []
        if depthExceeded {
            notes.append("elements nested deeper than \(XMLTreeBuilder.maximumDepth) levels were flattened into their parent")
        }
        if textTruncated {
            notes.append("a text longer than \(XMLTreeBuilder.maximumTextLength >> 20) MiB was cut short")
        }
        return notes
    }

    /// Parses strictly; if the document is not well-formed, parses again in recovery mode
    /// (the caller reports that as a warning). `utf8` must be valid UTF-8 (`DecodedDocument`).
    static func parse(_ utf8: [UInt8], documentBase: String?) throws(XMLParseError) -> Result {
        LibXML.initialize()
        let strict = run(utf8, documentBase: documentBase, recover: false)
        if let document = strict.document, strict.firstError == nil {
            return Result(document: document, recovered: false, firstError: nil, limitsHit: strict.limitsHit)
        }
        let lenient = run(utf8, documentBase: documentBase, recover: true)
        guard let document = lenient.document else {
            throw strict.firstError ?? XMLParseError(line: 1, message: "the document has no root element")
        }
        return Result(document: document, recovered: true, firstError: strict.firstError, limitsHit: lenient.limitsHit)
    }

    /// Parses `utf8`, from which the sections of `offloaded` were taken, strictly. Nil when
    /// the document is not well-formed or a section lay outside the root element: the caller
    /// then parses the document without offloading, so that errors and recovery are exactly
    /// what they would be.
    static func parseOffloaded(_ utf8: [UInt8], offloaded: XMLOffloadedText, documentBase: String?) -> Result? {
        LibXML.initialize()
        let strict = run(utf8, documentBase: documentBase, recover: false, offloaded: offloaded)
        guard let document = strict.document, strict.firstError == nil else { return nil }
        return Result(document: document, recovered: false, firstError: nil, limitsHit: strict.limitsHit)
    }

    private static func run(_ utf8: [UInt8], documentBase: String?, recover: Bool, offloaded: XMLOffloadedText? = nil)
        -> (document: XMLDocument?, firstError: XMLParseError?, limitsHit: [String]) {
        // Documents are capped far below this (`FeedParser.maximumDocumentSize`); the records use 32-bit offsets.
        guard utf8.count < Int(Int32.max) / 2 else {
            return (nil, XMLParseError(line: 0, message: "the document is too large"), [])
        }
        let builder = UnsafeMutablePointer<XMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: XMLTreeBuilder(documentBase: documentBase,
                                              inputSize: max(utf8.count, offloaded?.source.count ?? 0)))
        builder.pointee.offloaded = offloaded
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        var handler = XMLTreeBuilder.saxHandler()
        guard let ctxt = xmlCreatePushParserCtxt(&handler, UnsafeMutableRawPointer(builder), nil, 0, nil) else {
            return (nil, XMLParseError(line: 0, message: "libxml2 could not create a parser"), [])
        }
        defer {
            // An <!ENTITY> in an internal subset makes libxml2 build ctxt->myDoc (and its DTD)
            // even without SAX2 tree callbacks; xmlFreeParserCtxt leaves it to the caller.
            if let document = ctxt.pointee.myDoc {
                ctxt.pointee.myDoc = nil
                xmlFreeDoc(document)
            }
            xmlFreeParserCtxt(ctxt)
        }
        builder.pointee.context = ctxt
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        if recover { options |= Int32(XML_PARSE_RECOVER.rawValue) }
        xmlCtxtUseOptions(ctxt, options)
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)

        let chunkSize = 1 << 20
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                _ = xmlParseChunk(ctxt, nil, 0, 1)
                return
            }
            var offset = 0
            while offset < buffer.count {
                let length = min(chunkSize, buffer.count - offset)
                let chunk = UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
                if xmlParseChunk(ctxt, chunk, Int32(length), 0) != 0, !recover { break }
                if ctxt.pointee.instate == XML_PARSER_EOF { break }
                offset += length
            }
            _ = xmlParseChunk(ctxt, nil, 0, 1)
        }
        if ctxt.pointee.wellFormed == 0, builder.pointee.firstError == nil {
            builder.pointee.firstError = XMLParseError(line: Int(xmlSAX2GetLineNumber(ctxt)),
                                                       message: "the document is not well-formed XML")
        }
        // Close what recovery left open so that the partial tree is usable.
        builder.pointee.flushText()
        builder.pointee.context = nil
        let firstError = builder.pointee.firstError
        let limitsHit = builder.pointee.limitsHit
        if builder.pointee.offloadMisplaced {
            return (nil, XMLParseError(line: 0, message: "offloaded text outside the root element"), limitsHit)
        }
        if !recover, firstError != nil { return (nil, firstError, limitsHit) }
        return (builder.pointee.makeDocument(), firstError, limitsHit)
    }

    private mutating func makeDocument() -> XMLDocument? {
        guard !elements.isEmpty else { return nil }
        return XMLDocument(elements: elements, nodes: nodes, attributes: attributes, text: text,
                           attributeText: attributeText, offloaded: offloaded, names: names, namespaces: namespaces,
                           bases: bases, languages: languages)
    }

    var currentLine: Int32 {
        guard let ctxt = context, let input = ctxt.pointee.input else { return 0 }
        return input.pointee.line
    }

    /// Makes the text collected since the last element boundary a child of the open element.
    mutating func flushText() {
        textRunCut = false
        let end = text.count
        guard end > textStart else {
            // A pending section is the whole run: any other text copied it into the arena.
            if pendingSection != nil { flushPendingSection() }
            return
        }
        if let parent = stack.last {
            appendChild(XMLDocument.NodeRecord(element: XMLDocument.textInArena, start: Int32(textStart), count: Int32(end - textStart)),
                        to: parent)
        }
        textStart = end
    }

    private mutating func flushPendingSection() {
        guard let section = pendingSection else { return }
        pendingSection = nil
        guard let parent = stack.last else { return }
        let kind = section.isDecoded ? XMLDocument.textInOffloadedDecoded : XMLDocument.textInOffloadedSource
        appendChild(XMLDocument.NodeRecord(element: kind, start: Int32(section.range.lowerBound),
                                           count: Int32(section.range.count)), to: parent)
    }

    mutating func appendChild(_ node: XMLDocument.NodeRecord, to parent: Int32) {
        let index = Int32(nodes.count)
        nodes.append(node)
        let p = Int(parent)
        let last = elements[p].lastChild
        if last < 0 {
            elements[p].firstChild = index
        } else {
            nodes[Int(last)].next = index
        }
        elements[p].lastChild = index
    }
}
