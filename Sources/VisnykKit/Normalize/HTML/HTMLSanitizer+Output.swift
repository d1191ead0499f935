extension HTMLSanitizerRun {
    /// Writes a start tag with the allowed attributes of the current token.
    mutating func appendStartTag(_ element: HTMLElement, allowed: HTMLAttributeSet, flags: HTMLElementInfo.Flags) {
        text?.startTag(element, flags, out: out)
        HTMLElement.startTags.append(Int(element.rawValue), to: &out)
        var hasControls = false
        for attribute in tokenizer.attributes {
            let name = attribute.id
            guard allowed.contains(name) else { continue }
            decodeAttributeValue(attribute.value)
            if name == .srcset {
                guard let safe = HTMLSanitizer.safeSrcset(String(decoding: valueBuffer, as: UTF8.self), baseURL: baseURL) else { continue }
                appendAttribute(name, Array(safe.utf8))
            } else if let kind = HTMLSanitizer.urlKind(element: element, attribute: name) {
                guard appendURLAttribute(name, kind: kind) else { continue }
            } else {
                if name == .controls { hasControls = true }
                appendAttribute(name, valueBuffer)
            }
        }
        if element == .audio || element == .video, !hasControls { appendAttribute(.controls, []) }
        out.append(UInt8(ascii: ">"))
        text?.tagWritten(endingAt: out.count)
    }

    /// Writes the URL attribute whose decoded value is in `valueBuffer`; false when refused.
    private mutating func appendURLAttribute(_ name: HTMLAttributeName, kind: HTMLSanitizer.URLKind) -> Bool {
        let value = valueBuffer
        let shortcut = value.withUnsafeBufferPointer { urlBase.shortcut($0) }
        switch shortcut {
        case .unchanged:
            appendAttribute(name, value)
        case .origin:
            appendAttribute(name, urlBase.origin ?? [], value)
        case .directory:
            appendAttribute(name, urlBase.directory, value)
        case .none:
            guard let safe = HTMLSanitizer.safeURL(String(decoding: value, as: UTF8.self), kind: kind, baseURL: baseURL) else { return false }
            appendAttribute(name, Array(safe.utf8))
        }
        return true
    }

    private mutating func appendAttribute(_ name: HTMLAttributeName, _ prefix: [UInt8], _ value: [UInt8] = []) {
        HTMLAttributeName.openings.append(Int(name.rawValue), to: &out)
        HTMLEscaping.appendEscapedAttribute(prefix, to: &out)
        HTMLEscaping.appendEscapedAttribute(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    mutating func appendEndTag(_ element: HTMLElement, flags: HTMLElementInfo.Flags) {
        text?.endTag(element, flags, out: out)
        HTMLElement.endTags.append(Int(element.rawValue), to: &out)
        text?.tagWritten(endingAt: out.count)
    }

    /// Puts an attribute value into `valueBuffer` with character references decoded
    /// (attribute rules), NUL → U+FFFD and CR/CRLF → LF.
    private mutating func decodeAttributeValue(_ range: Range<Int>) {
        valueBuffer.removeAll(keepingCapacity: true)
        HTMLTextDecoder.append(tokenizer.bytes, range, decode: true, inAttribute: true, escape: false, to: &valueBuffer)
    }

    /// Text content, decoded, escaped, without NUL, with CR/CRLF → LF.
    mutating func appendText(_ range: Range<Int>, decode: Bool) {
        let bytes = tokenizer.bytes
        // Most runs need no decoding or escaping: the text extractor then reads them from the
        // input directly instead of scanning the output again. Not after a CR from a character
        // reference: the extractor must see it together with a following LF (one line break).
        if text != nil, out.last != 0x0D, range.lowerBound >= 0, range.upperBound <= bytes.count {
            if HTMLTextDecoder.firstSpecial(bytes, range) == range.upperBound {
                let run = UnsafeBufferPointer(rebasing: bytes[range])
                text?.flush(out)
                out.append(contentsOf: run)
                text?.appendPlainText(run, endingAt: out.count)
                return
            }
        }
        HTMLTextDecoder.append(bytes, range, decode: decode, inAttribute: false, escape: true, to: &out)
    }
}
