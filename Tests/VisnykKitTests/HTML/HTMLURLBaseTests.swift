import Testing
@testable import VisnykKit

/// The URL shortcuts must give what `HTMLSanitizer.safeURL` gives, whenever they apply.
struct HTMLURLBaseTests {
    static let bases: [String?] = [
        "https://example.org/news/item/", "http://a", "https://example.org/a/b.html?q=1#f",
        "HTTPS://User@Example.ORG:8080/A/./b/../c", "ftp://files.example.org/pub/", "mailto:x@y", nil,
    ]

    private func shortcutResult(_ value: String, base: String?) -> (HTMLURLBase.Shortcut, String?) {
        let resolvedBase = base.map { URLResolver.resolve($0, against: nil) }
        let urlBase = HTMLURLBase(resolvedBase.flatMap { URLResolver.isAbsolute($0) ? $0 : nil })
        let bytes = Array(value.utf8)
        let shortcut = bytes.withUnsafeBufferPointer { urlBase.shortcut($0) }
        switch shortcut {
        case .unchanged: return (shortcut, value)
        case .origin: return (shortcut, String(decoding: (urlBase.origin ?? []) + bytes, as: UTF8.self))
        case .directory: return (shortcut, String(decoding: urlBase.directory + bytes, as: UTF8.self))
        case .none: return (shortcut, nil)
        }
    }

    private func expectAgreement(_ value: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for base in Self.bases {
            let resolvedBase = base.map { URLResolver.resolve($0, against: nil) }
            let sanitizerBase = resolvedBase.flatMap { URLResolver.isAbsolute($0) ? $0 : nil }
            let (shortcut, result) = shortcutResult(value, base: base)
            guard let result else { continue }
            for kind in [HTMLSanitizer.URLKind.link, .media, .image] {
                #expect(HTMLSanitizer.safeURL(value, kind: kind, baseURL: sanitizerBase) == result,
                        "\(value) against \(base ?? "nil") via \(shortcut)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func commonValuesTakeAShortcut() {
        let base = HTMLURLBase("https://example.org/news/item/")
        func shortcut(_ s: String) -> HTMLURLBase.Shortcut { Array(s.utf8).withUnsafeBufferPointer { base.shortcut($0) } }
        #expect(shortcut("https://cdn.example.org/img/photo.jpg?w=640#x") == .unchanged)
        #expect(shortcut("/images/a.png") == .origin)
        #expect(shortcut("photo.jpg") == .directory)
        #expect(shortcut("HTTPS://a.org/") == .none)
        #expect(shortcut("https://A.org/") == .none)
        #expect(shortcut("https://a.org/x/../y") == .none)
        #expect(shortcut("//cdn.example.org/x") == .none)
        #expect(shortcut("a b") == .none)
        #expect(shortcut("javascript:alert(1)") == .none)
        #expect(shortcut("#top") == .none)
    }

    /// `safeURL` and `URLResolver.resolve` return plain http(s) URLs as they are: resolving
    /// them must not change them.
    @Test func plainHTTPURLsResolveToThemselves() {
        let pieces = ["/", ".", "..", "a", "B", ":", "?", "#", "http://", "https://", "x.y", "%2E", "@", " ", "\t", "к"]
        var rng = HTMLTestRandom(seed: 9)
        var plain = 0
        for _ in 0..<5000 {
            var value = rng.next() % 2 == 0 ? "http://" : "https://"
            for _ in 0..<(1 + rng.next() % 8) { value += pieces[Int(rng.next() % UInt64(pieces.count))] }
            guard Array(value.utf8).withUnsafeBufferPointer(HTMLURLBase.isPlainHTTP) else { continue }
            plain += 1
            #expect(URLResolver.resolveByParsing(value, against: nil) == value, "\(value)")
        }
        #expect(plain > 500)
        #expect(!Array("HTTP://a.org/".utf8).withUnsafeBufferPointer(HTMLURLBase.isPlainHTTP))
        #expect(!Array("http://a.org/./x".utf8).withUnsafeBufferPointer(HTMLURLBase.isPlainHTTP))
    }

    @Test func withoutBaseRelativeValuesStayAsWritten() {
        let base = HTMLURLBase(nil)
        func shortcut(_ s: String) -> HTMLURLBase.Shortcut { Array(s.utf8).withUnsafeBufferPointer { base.shortcut($0) } }
        #expect(shortcut("/images/a.png") == .unchanged)
        #expect(shortcut("../tag/a?x=1") == .unchanged)
        #expect(shortcut("//cdn.example.org/x") == .unchanged)
        #expect(shortcut("https://cdn.example.org/x") == .unchanged)
        #expect(shortcut("a:b/c") == .none)
        #expect(shortcut("a b") == .none)
        #expect(shortcut("") == .none)
    }

    @Test func shortcutsAgreeWithSafeURL() {
        let values = [
            "https://cdn.example.org/img/photo.jpg?w=640#x", "http://a.org", "http://a.org/", "https://a.org/x/./y",
            "https://a.org/x/..", "https://a.org/.hidden/..x/x..", "https://A.org/", "https://u:P@a.org:80/P?Q#F",
            "/images/a.png", "/", "/a/../b", "/.well-known/x", "//cdn/x", "photo.jpg", "a/b/c?x=1#y", "./a", "../a",
            "..", ".", "a/.", "a/..b", "a:b", "a/b:c", "новини/стаття?q=київ", "?q", "#f", "", "javascript:x",
            "data:image/png;base64,AAAA", "mailto:x@y.org", "ftp://f.org/a", "https:x", "https:/x", "http://a.org?x",
            "http://a.org#x", "https://a.org/%2e%2e/x", "a\tb", " https://a.org/", "https://a.org/ ",
        ]
        for value in values { expectAgreement(value) }
        let pieces = ["/", ".", "..", "a", "B", ":", "?", "#", "http", "https", "://", "x.y", "%2E", "=", "&", "к"]
        var rng = HTMLTestRandom(seed: 5)
        for _ in 0..<3000 {
            var value = ""
            for _ in 0..<(1 + rng.next() % 10) { value += pieces[Int(rng.next() % UInt64(pieces.count))] }
            expectAgreement(value)
        }
    }
}
