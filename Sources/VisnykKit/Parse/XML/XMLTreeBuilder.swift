import CLibXML2

/// Builds an `XMLElement` tree from UTF-8 bytes with libxml2's SAX2 push parser: far cheaper
/// than libxml2's own DOM, and the tree keeps only what feed adapters read.
///
/// Safety: no option that loads DTDs or expands entities is ever set, entity declarations
/// are not even recorded (no `entityDecl` callback), and a refusing external entity loader is
/// installed, so XXE and entity expansion bombs have nothing to work with. libxml2's own
/// limits (depth 256, name and text lengths) stay on: `XML_PARSE_HUGE` is never used.
final class XMLTreeBuilder {
    /// Text beyond this, per element, is cut: no feed needs a 16 MiB title.
    static let maximumTextLength = 16 << 20
    /// libxml2's own limit for its pull parser; its push parser does not check, and a deeper
    /// tree would overflow the stack when freed. Deeper elements are dropped, their text kept.
    static let maximumDepth = 256

    struct Result {
        let root: XMLElement
        let recovered: Bool
        let firstError: XMLParseError?
        /// Limits that cut the document short, in plain words.
        let limitsHit: [String]
    }

    let documentBase: String?
    var stack: [XMLElement] = []
    var root: XMLElement?
    var text: [UInt8] = []
    var textTruncated = false
    var skippedDepth = 0
    var depthExceeded = false

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
    var firstError: XMLParseError?
    var context: xmlParserCtxtPtr?
    /// Names and namespace URIs seen so far: libxml2 interns them, so a pointer identifies
    /// one, and a short list searched linearly beats hashing for the few dozen a feed uses.
    var names: [(pointer: UnsafeRawPointer, name: String)] = []

    private init(documentBase: String?) {
        self.documentBase = documentBase
    }

    /// Parses strictly; if the document is not well-formed, parses again in recovery mode
    /// (the caller reports that as a warning).
    static func parse(_ utf8: [UInt8], documentBase: String?) throws(XMLParseError) -> Result {
        LibXML.initialize()
        let strict = XMLTreeBuilder(documentBase: documentBase)
        strict.run(utf8, recover: false)
        if let root = strict.root, strict.firstError == nil {
            return Result(root: root, recovered: false, firstError: nil, limitsHit: strict.limitsHit)
        }
        let lenient = XMLTreeBuilder(documentBase: documentBase)
        lenient.run(utf8, recover: true)
        guard let root = lenient.root else {
            throw strict.firstError ?? XMLParseError(line: 1, message: "the document has no root element")
        }
        return Result(root: root, recovered: true, firstError: strict.firstError, limitsHit: lenient.limitsHit)
    }

    private func run(_ utf8: [UInt8], recover: Bool) {
        var handler = XMLTreeBuilder.saxHandler()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&handler, me, nil, 0, nil) else {
            firstError = XMLParseError(line: 0, message: "libxml2 could not create a parser")
            return
        }
        defer { xmlFreeParserCtxt(ctxt) }
        context = ctxt
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
        if ctxt.pointee.wellFormed == 0, firstError == nil {
            firstError = XMLParseError(line: Int(xmlSAX2GetLineNumber(ctxt)), message: "the document is not well-formed XML")
        }
        // Close what recovery left open so that the partial tree is usable.
        flushText()
        if !recover, firstError != nil { root = nil }
        context = nil
    }

    var currentLine: Int {
        guard let ctxt = context, let input = ctxt.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    func flushText() {
        guard !text.isEmpty else { return }
        if let parent = stack.last {
            parent.children.append(.text(String(decoding: text, as: UTF8.self)))
        }
        text.removeAll(keepingCapacity: true)
    }
}
