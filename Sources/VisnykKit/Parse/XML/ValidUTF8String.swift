/// Strings from bytes that are valid UTF-8 by construction: the parser's input is
/// `DecodedDocument.utf8` (valid UTF-8), libxml2 checks it again and writes character
/// references as the UTF-8 of XML characters (never surrogates), and the tree builder cuts
/// text only at character boundaries. Validating every text again cost a sizeable part of
/// parsing; debug builds still check.
enum ValidUTF8String {
    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        #if DEBUG
        let checked = String(validating: bytes, as: UTF8.self)
        assert(checked != nil, "XML text is not valid UTF-8")
        return checked ?? String(decoding: bytes, as: UTF8.self)
        #else
        if #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *) {
            return unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes)))
        }
        return String(decoding: bytes, as: UTF8.self)
        #endif
    }
}
