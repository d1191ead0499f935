extension HTMLSanitizerRun {
    /// Writes a start tag with the allowed attributes of the current token.
    mutating func appendStartTag(_ name: String, allowed: Set<String>, flags: HTMLElementInfo.Flags) {
        text?.startTag(name, flags, out: out)
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        var hasControls = false
        for attribute in tokenizer.attributes {
            let attributeName = attribute.name
            guard allowed.contains(attributeName) || HTMLSanitizer.globalAttributes.contains(attributeName) else { continue }
            let raw = attributeValue(attribute.value)
            var value: String
            if attributeName == "srcset" {
                guard let safe = HTMLSanitizer.safeSrcset(raw, baseURL: baseURL) else { continue }
                value = safe
            } else if let kind = HTMLSanitizer.urlKind(element: name, attribute: attributeName) {
                guard let safe = HTMLSanitizer.safeURL(raw, kind: kind, baseURL: baseURL) else { continue }
                value = safe
            } else {
                value = raw
            }
            if attributeName == "controls" { hasControls = true }
            appendAttribute(attributeName, value)
            value = ""
        }
        if (name == "audio" || name == "video"), !hasControls { appendAttribute("controls", "") }
        out.append(UInt8(ascii: ">"))
        text?.tagWritten(endingAt: out.count)
    }

    private mutating func appendAttribute(_ name: String, _ value: String) {
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: "=\"".utf8)
        for byte in value.utf8 { HTMLEscaping.appendEscaped(byte, quotes: true, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    mutating func appendEndTag(_ name: String, flags: HTMLElementInfo.Flags) {
        text?.endTag(name, flags, out: out)
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
        text?.tagWritten(endingAt: out.count)
    }

    /// An attribute value with character references decoded (attribute rules), NUL → U+FFFD
    /// and CR/CRLF → LF.
    private mutating func attributeValue(_ range: Range<Int>) -> String {
        valueBuffer.removeAll(keepingCapacity: true)
        HTMLTextDecoder.append(tokenizer.bytes, range, decode: true, inAttribute: true, escape: false, to: &valueBuffer)
        return String(decoding: valueBuffer, as: UTF8.self)
    }

    /// Text content, decoded, escaped, without NUL, with CR/CRLF → LF.
    mutating func appendText(_ range: Range<Int>, decode: Bool) {
        HTMLTextDecoder.append(tokenizer.bytes, range, decode: decode, inAttribute: false, escape: true, to: &out)
    }
}
