/// Turns the raw bytes of a feed document into clean UTF-8.
public enum DocumentDecoder {
    /// Order of authority: byte order mark (or the zero-byte pattern of UTF-16/32); then the
    /// charset parameter of the HTTP Content-Type (`contentType`, may be nil); then the XML
    /// declaration's encoding; then UTF-8 when the bytes are valid UTF-8; else a guess between
    /// windows-1251, KOI8 and windows-1252. A declaration the bytes plainly contradict (a
    /// legacy charset on valid non-ASCII UTF-8, UTF-8 on mostly invalid UTF-8) gives way,
    /// with a warning. Never throws in practice: unknown labels are skipped with a warning.
    public static func decode(_ bytes: [UInt8], contentType: String?) throws -> DecodedDocument {
        var warnings: [String] = []
        var declarations: [CharsetDeclaration] = []
        if let contentType, let label = Charset.charset(fromContentType: contentType) {
            if let declaration = CharsetDeclaration(label: label, source: .http, warnings: &warnings) {
                declarations.append(declaration)
            }
        }
        let result = bytes.withUnsafeBufferPointer { input in
            if let label = ByteSniffer.xmlDeclarationEncoding(input) {
                if let declaration = CharsetDeclaration(label: label, source: .xmlDeclaration, warnings: &warnings) {
                    declarations.append(declaration)
                }
            }
            var session = DecodingSession(input: input, original: bytes, declarations: declarations)
            let decoded = session.run()
            warnings.append(contentsOf: session.warnings)
            return decoded
        }
        return DecodedDocument(
            utf8: trimmingSpaceBeforeDeclaration(result.utf8), encoding: result.encoding, warnings: warnings)
    }

    /// libxml2 rejects anything before `<?xml`; white space and stray byte order marks there
    /// carry no meaning, so they go.
    static func trimmingSpaceBeforeDeclaration(_ utf8: [UInt8]) -> [UInt8] {
        guard let first = utf8.first, ByteSniffer.isSpace(first) || first == 0xEF else { return utf8 }
        var index = 0
        while index < utf8.count {
            if ByteSniffer.isSpace(utf8[index]) {
                index += 1
            } else if index + 2 < utf8.count, utf8[index] == 0xEF, utf8[index + 1] == 0xBB, utf8[index + 2] == 0xBF {
                index += 3
            } else {
                break
            }
        }
        let startsWithDeclaration = utf8.withUnsafeBufferPointer { ByteSniffer.matches("<?xml", $0, at: index) }
        return startsWithDeclaration && index > 0 ? Array(utf8[index...]) : utf8
    }
}

/// A charset named by the HTTP header or the XML declaration.
struct CharsetDeclaration {
    enum Source: String {
        case http = "the HTTP Content-Type"
        case xmlDeclaration = "the XML declaration"
    }

    let canonicalName: String
    let method: DecodingMethod
    let source: Source

    /// Nil (with a warning) for a label nobody knows.
    init?(label: String, source: Source, warnings: inout [String]) {
        guard let name = Charset.canonicalName(forLabel: label), let method = DecodingMethod(canonicalName: name) else {
            warnings.append("unknown charset \"\(label)\" in \(source.rawValue); ignored it")
            return nil
        }
        self.canonicalName = name
        self.method = method
        self.source = source
    }
}
