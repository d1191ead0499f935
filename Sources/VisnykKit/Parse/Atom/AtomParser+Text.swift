import Foundation

extension AtomParser {
    /// An Atom text construct (RFC 4287 §3.1), or Atom 0.3 content with its `mode`.
    /// Out-of-line content (`src`) and binary media types give nil.
    static func textConstruct(_ element: XMLElement) -> FeedText? {
        if element.attribute(.src) != nil, !element.hasChildren { return nil }
        let type = (element.attribute(.type) ?? "text").trimmingXMLWhitespace().lowercased()
        let mode = element.attribute(.mode)?.trimmingXMLWhitespace().lowercased()
        let kind: FeedText.Kind
        switch type {
        case "", "text", "text/plain": kind = .text
        case "html", "text/html": kind = .html
        case "xhtml", "application/xhtml+xml": return xhtml(element)
        default:
            if type.hasSuffix("+xml") || type.hasSuffix("/xml") { return xhtml(element) }
            if type.hasPrefix("text/") { kind = .text; break }
            // Other media types are base64 (§4.1.3.3); what does not decode to text is kept as written.
            return base64Text(element) ?? plainText(element)
        }
        if mode == "base64" {
            return base64Text(element)
        }
        if element.hasElementChildren {
            // Inline markup where escaped text was promised (Atom 0.3 mode="xml", or a mistake).
            return FeedText(value: element.innerHTML, kind: .html, base: element.base)
        }
        guard let value = element.withDirectText({ XMLElement.trimmedRange($0).isEmpty ? nil : ValidUTF8String.make($0) })
        else { return nil }
        return FeedText(value: value, kind: kind, base: element.base)
    }

    private static func base64Text(_ element: XMLElement) -> FeedText? {
        let encoded = element.text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: encoded), let decoded = String(bytes: data, encoding: .utf8),
              !decoded.trimmingXMLWhitespace().isEmpty
        else { return nil }
        return FeedText(value: decoded, kind: .html, base: element.base)
    }

    private static func plainText(_ element: XMLElement) -> FeedText? {
        guard let value = element.trimmedText else { return nil }
        return FeedText(value: value, kind: .text, base: element.base)
    }

    /// xhtml content: the contents of the wrapping xhtml:div are the value (§3.1.1.3).
    private static func xhtml(_ element: XMLElement) -> FeedText? {
        let elements = element.elements
        let container: XMLElement
        if elements.count == 1, let div = elements.first, div.name == .div, element.directTextIsBlank {
            container = div
        } else {
            container = element
        }
        let html = container.innerHTML
        guard !html.trimmingXMLWhitespace().isEmpty else { return nil }
        return FeedText(value: html, kind: .html, base: container.base)
    }
}
