/// The sanitizer's base URL, prepared once per run for the common URL attribute values that
/// need no cleaning: an absolute http(s) URL, a path from the root, or a relative path, with
/// no white space, controls or dot segments. For those the result of `HTMLSanitizer.safeURL`
/// is a prefix (nothing, the base's origin, or its origin and directory) followed by the value
/// itself; anything else takes the general route.
struct HTMLURLBase {
    enum Shortcut {
        /// The value is its own result.
        case unchanged
        /// The result is `origin` + value.
        case origin
        /// The result is `directory` (origin and the base's path up to its last '/') + value.
        case directory
        /// Use `HTMLSanitizer.safeURL`.
        case none
    }

    /// `scheme://authority` of an http(s) base; nil for other bases or none.
    private(set) var origin: [UInt8]?
    private(set) var directory: [UInt8] = []
    /// No base at all: relative references stay as they are.
    private let isMissing: Bool

    /// `baseURL` as the sanitizer keeps it: already resolved (cleaned, dot segments removed,
    /// scheme and host lowercased).
    init(_ baseURL: String?) {
        isMissing = baseURL == nil
        guard let baseURL else { return }
        let c = URIComponents(Array(baseURL.utf8))
        guard let scheme = c.scheme, Self.isHTTP(scheme[...]), let authority = c.authority,
              !authority.contains(where: Self.isASCIIUpper) else { return }
        var origin = scheme
        origin.append(contentsOf: "://".utf8)
        origin.append(contentsOf: authority)
        var directory = origin
        if let slash = c.path.lastIndex(of: UInt8(ascii: "/")) {
            directory.append(contentsOf: c.path[...slash])
        } else {
            directory.append(UInt8(ascii: "/"))
        }
        self.origin = origin
        self.directory = directory
    }

    /// How the value of a URL attribute (entity-decoded) can be made safe without parsing.
    func shortcut(_ p: UnsafeBufferPointer<UInt8>) -> Shortcut {
        let count = p.count
        guard count > 0 else { return .none }
        guard HTMLByteSearch.firstAtMostSpace(in: p, from: 0) == count else { return .none }
        let slash = UInt8(ascii: "/")
        if p[0] == slash {
            // Without a base a reference is kept as written, dot segments too.
            if isMissing { return .unchanged }
            guard origin != nil, count < 2 || p[1] != slash, !Self.hasDotSegment(p, from: 0) else { return .none }
            return .origin
        }
        if Self.httpSchemeEnd(p) != nil { return Self.isPlainHTTP(p) ? .unchanged : .none }
        // A relative reference: no ':' in its first segment (that would be a scheme, or refused).
        for b in p {
            if b == slash || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
            if b == UInt8(ascii: ":") { return .none }
        }
        if isMissing { return .unchanged }
        guard origin != nil else { return .none }
        // A relative path, not starting with '?' or '#'.
        let first = p[0]
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "#") { return .none }
        return Self.hasDotSegment(p, from: 0) ? .none : .directory
    }

    /// Whether `p` is its own result whatever the base: an absolute http(s) URL with a
    /// lowercase scheme and authority, no white space or controls, no dot segments.
    static func isPlainHTTP(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let afterScheme = httpSchemeEnd(p) else { return false }
        let count = p.count
        let slash = UInt8(ascii: "/")
        guard afterScheme + 1 < count, p[afterScheme] == slash, p[afterScheme + 1] == slash else { return false }
        // This runs for every link and image: the authority byte by byte (it is short), the
        // rest with word and memchr searches.
        var i = afterScheme + 2
        while i < count {
            let b = p[i]
            if b == slash || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
            if b <= 0x20 || isASCIIUpper(b) { return false }
            i += 1
        }
        guard HTMLByteSearch.firstAtMostSpace(in: p, from: i) == count else { return false }
        // The path (from its '/' at i) ends at the query or fragment. Its segments start after
        // each '/', so a "." or ".." segment is a '.' right after a '/'.
        let pathEnd = min(HTMLByteSearch.firstIndex(of: UInt8(ascii: "?"), in: p, from: i, to: count),
                          HTMLByteSearch.firstIndex(of: UInt8(ascii: "#"), in: p, from: i, to: count))
        let dot = UInt8(ascii: ".")
        var k = i
        while true {
            k = HTMLByteSearch.firstIndex(of: dot, in: p, from: k, to: pathEnd)
            guard k < pathEnd else { return true }
            // k > i: the byte at i is '/', '?' or '#'.
            if p[k - 1] == slash {
                let next = k + 1
                if next == pathEnd || p[next] == slash { return false }
                if p[next] == dot, next + 1 == pathEnd || p[next + 1] == slash { return false }
            }
            k += 1
        }
    }

    /// Index after "http:" or "https:" (lowercase) at the start, else nil.
    private static func httpSchemeEnd(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        guard p.count >= 5, p[0] == UInt8(ascii: "h"), p[1] == UInt8(ascii: "t"), p[2] == UInt8(ascii: "t"),
              p[3] == UInt8(ascii: "p") else { return nil }
        if p[4] == UInt8(ascii: ":") { return 5 }
        if p.count >= 6, p[4] == UInt8(ascii: "s"), p[5] == UInt8(ascii: ":") { return 6 }
        return nil
    }

    /// Whether the path starting at `start` (a segment start) has a "." or ".." segment
    /// before its query or fragment.
    private static func hasDotSegment(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let count = p.count
        var segmentStart = start
        var i = start
        while true {
            let atEnd = i == count || p[i] == UInt8(ascii: "/") || p[i] == UInt8(ascii: "?") || p[i] == UInt8(ascii: "#")
            if atEnd {
                let length = i - segmentStart
                if length == 1, p[segmentStart] == UInt8(ascii: ".") { return true }
                if length == 2, p[segmentStart] == UInt8(ascii: "."), p[segmentStart + 1] == UInt8(ascii: ".") { return true }
                if i == count || p[i] != UInt8(ascii: "/") { return false }
                segmentStart = i + 1
            }
            i += 1
        }
    }

    private static func isHTTP(_ scheme: ArraySlice<UInt8>) -> Bool {
        scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8)
    }

    @inline(__always)
    private static func isASCIIUpper(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")
    }
}
