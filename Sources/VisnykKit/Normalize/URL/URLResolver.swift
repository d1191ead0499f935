/// RFC 3986 reference resolution, used for links in feeds, `xml:base` chains and the URL
/// attributes of sanitized HTML.
public enum URLResolver {
    /// RFC 3986 §5.2 reference resolution (strict: a reference with a scheme is absolute, even
    /// when the scheme is the base's), with remove_dot_segments. Surrounding C0 controls and
    /// spaces are trimmed and ASCII tab/CR/LF inside removed, as browsers do. With a nil, empty
    /// or non-absolute base the reference is returned as is (cleaned). The result's scheme and
    /// host are lowercased (RFC 3986 §6.2.2.1); nothing else is rewritten. The dot segments of
    /// an absolute reference without authority and with a rootless path (`mailto:`, `data:`)
    /// are left alone. Never fails.
    public static func resolve(_ reference: String, against base: String?) -> String {
        // Most links in feeds are already absolute and clean: parsing them would rebuild the
        // same string.
        let plain = reference.utf8.withContiguousStorageIfAvailable(HTMLURLBase.isPlainHTTP) ?? false
        return plain ? reference : resolveByParsing(reference, against: base)
    }

    /// `resolve` without the shortcut for plain http(s) URLs.
    static func resolveByParsing(_ reference: String, against base: String?) -> String {
        let ref = cleaned(reference)
        let r = URIComponents(ref)
        if r.scheme != nil {
            if r.authority == nil, !r.path.starts(with: [UInt8(ascii: "/")]) { return r.recomposed() }
            var t = r
            t.path = removeDotSegments(r.path)
            return t.recomposed()
        }
        guard let base else { return String(decoding: ref, as: UTF8.self) }
        let b = URIComponents(cleaned(base))
        guard b.scheme != nil else { return String(decoding: ref, as: UTF8.self) }
        return transform(r, base: b).recomposed()
    }

    /// True when the string (after leading white space) starts with a scheme and ':'.
    public static func isAbsolute(_ s: String) -> Bool {
        URIComponents.schemeLength(cleaned(s)) != nil
    }

    /// RFC 3986 §5.2.2.
    static func transform(_ r: URIComponents, base b: URIComponents) -> URIComponents {
        var t = URIComponents()
        t.scheme = b.scheme
        if let authority = r.authority {
            t.authority = authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else {
                if r.path.first == UInt8(ascii: "/") {
                    t.path = removeDotSegments(r.path)
                } else {
                    t.path = removeDotSegments(merge(base: b, path: r.path))
                }
                t.query = r.query
            }
        }
        t.fragment = r.fragment
        return t
    }

    /// RFC 3986 §5.2.3.
    private static func merge(base b: URIComponents, path: [UInt8]) -> [UInt8] {
        if b.authority != nil, b.path.isEmpty { return [UInt8(ascii: "/")] + path }
        guard let slash = b.path.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return Array(b.path[...slash]) + path
    }

    /// Trims C0 controls and spaces around, removes tab, LF and CR inside (WHATWG URL parsing).
    static func cleaned(_ s: String) -> [UInt8] {
        let utf8 = s.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] <= 0x20 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] <= 0x20 { end = utf8.index(before: end) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.distance(from: start, to: end))
        for byte in utf8[start..<end] where byte != 0x09 && byte != 0x0A && byte != 0x0D {
            out.append(byte)
        }
        return out
    }
}
