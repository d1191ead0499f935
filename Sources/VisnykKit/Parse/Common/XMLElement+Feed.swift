import Foundation

extension XMLElement {
    /// The element's date, or nil with a warning naming the line when it cannot be read.
    func date(warnings: inout [String]) -> Date? {
        guard let raw = trimmedText else { return nil }
        return FeedDate.parse(raw, in: "<\(nameString)>", line: line, warnings: &warnings)
    }

    /// The element's content as feed text: escaped HTML or CDATA in the text, or raw HTML
    /// written as child elements (not valid RSS, but common).
    var htmlText: FeedText? {
        if hasElementChildren {
            return FeedText(value: innerHTML, kind: .html, base: base)
        }
        guard let value = withDirectText({ XMLElement.trimmedRange($0).isEmpty ? nil : ValidUTF8String.make($0) })
        else { return nil }
        return FeedText(value: value, kind: .html, base: base)
    }

    /// The element's text as an absolute URL (resolved against the xml:base in scope).
    var urlText: String? {
        guard let raw = trimmedText else { return nil }
        return URLResolver.resolve(raw, against: base)
    }

    /// An attribute holding a URL, resolved against the xml:base in scope.
    func urlAttribute(_ name: XMLName) -> String? {
        guard let raw = attribute(name)?.trimmingXMLWhitespace(), !raw.isEmpty else { return nil }
        return URLResolver.resolve(raw, against: base)
    }
}
