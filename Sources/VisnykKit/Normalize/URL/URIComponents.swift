/// The five components of a URI reference (RFC 3986 §3, split as in Appendix B), as UTF-8.
struct URIComponents {
    var scheme: [UInt8]?
    var authority: [UInt8]?
    var path: [UInt8] = []
    var query: [UInt8]?
    var fragment: [UInt8]?

    init() {}

    init(_ s: [UInt8]) {
        var i = 0
        if let length = Self.schemeLength(s) {
            scheme = s[0..<length].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
            i = length + 1
        }
        if i + 1 < s.count, s[i] == UInt8(ascii: "/"), s[i + 1] == UInt8(ascii: "/") {
            let start = i + 2
            var j = start
            while j < s.count, s[j] != UInt8(ascii: "/"), s[j] != UInt8(ascii: "?"), s[j] != UInt8(ascii: "#") { j += 1 }
            authority = Array(s[start..<j])
            i = j
        }
        var j = i
        while j < s.count, s[j] != UInt8(ascii: "?"), s[j] != UInt8(ascii: "#") { j += 1 }
        path = Array(s[i..<j])
        if j < s.count, s[j] == UInt8(ascii: "?") {
            let start = j + 1
            j = start
            while j < s.count, s[j] != UInt8(ascii: "#") { j += 1 }
            query = Array(s[start..<j])
        }
        if j < s.count { fragment = Array(s[(j + 1)...]) }
    }

    /// Length of a leading `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` followed by ':'.
    static func schemeLength(_ s: [UInt8]) -> Int? {
        guard let first = s.first, first.isHTMLASCIIAlpha else { return nil }
        var i = 1
        while i < s.count {
            let b = s[i]
            if b == UInt8(ascii: ":") { return i }
            let ok = b.isHTMLASCIIAlpha || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            if !ok { return nil }
            i += 1
        }
        return nil
    }

    /// RFC 3986 §5.3, with the host (after any userinfo) lowercased.
    func recomposed() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(path.count + (authority?.count ?? 0) + (query?.count ?? 0) + (fragment?.count ?? 0) + 16)
        if let scheme {
            out.append(contentsOf: scheme)
            out.append(UInt8(ascii: ":"))
        }
        if let authority {
            out.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: "/")])
            let hostStart = authority.lastIndex(of: UInt8(ascii: "@")).map { $0 + 1 } ?? 0
            out.append(contentsOf: authority[..<hostStart])
            for b in authority[hostStart...] {
                out.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
            }
        }
        out.append(contentsOf: path)
        if let query {
            out.append(UInt8(ascii: "?"))
            out.append(contentsOf: query)
        }
        if let fragment {
            out.append(UInt8(ascii: "#"))
            out.append(contentsOf: fragment)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
