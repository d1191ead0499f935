/// A feed document turned into clean UTF-8, ready for the XML or JSON parser.
public struct DecodedDocument: Sendable {
    /// Valid UTF-8 without a byte order mark and without characters that XML 1.0 forbids.
    public var utf8: [UInt8]
    /// Canonical (WHATWG) name of the encoding the bytes were read as, e.g. "UTF-8", "windows-1251".
    public var encoding: String
    /// Plain-words notes about anything questionable met while decoding.
    public var warnings: [String]

    public init(utf8: [UInt8], encoding: String, warnings: [String]) {
        self.utf8 = utf8
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Why a document could not be decoded at all.
public enum DocumentDecodingError: Error, Sendable, Equatable {
    /// The document names an encoding this system cannot convert and nothing else could be used.
    case unsupportedEncoding(String)
}
