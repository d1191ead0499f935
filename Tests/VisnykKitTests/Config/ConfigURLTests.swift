import Testing
@testable import VisnykKit

@Suite("ConfigURL")
struct ConfigURLTests {
    static let plain = [
        "http://example.org", "https://example.org/feed.xml", "HTTPS://Example.ORG/feed.xml",
        "http://127.0.0.1:8080/gen/12.xml", "http://a/", "http://localhost:1/x",
        "https://example.org:65535/a/b?c=d&e=f;g=h#top", "https://xn--80ak6aa92e.com/%D0%B0?q=%2f",
        "https://example.org/~user/(a)*b+c,d!$=@:/?x", "http://a-b.c-d.example/-._~",
    ]

    static let others = [
        "", "http://", "http:///feed", "https//example.org", "ftp://example.org/feed",
        "http://example.org:0/", "http://example.org:65536/", "http://example.org:123456/",
        "http://example.org:/x", "http://user@example.org/", "http://[::1]:8080/feed",
        "http://-example.org/", "http://example.org-/", "http://exa_mple.org/", "http://example.org?x",
        "http://example.org/a b", "http://example.org/%zz", "http://example.org/%4", "http://example.org/a#b#c",
        "http://example.org/\"q\"", "http://example.org/it's", "http://example.org/<x>", "http://example.org/ü",
        "http://пример.укр/", "mailto:a@example.org", "httpx://example.org", "http:/example.org",
    ]

    @Test("the plain http(s) URLs the fast path accepts are the ones URLComponents accepts too")
    func plainAgreesWithParsed() {
        for url in Self.plain {
            #expect(ConfigURL.isPlainHTTP(url), "\(url)")
            #expect(ConfigURL.parsedProblem(with: url) == nil, "\(url)")
            #expect(ConfigURL.problem(with: url) == nil, "\(url)")
        }
    }

    @Test("anything else is left to URLComponents, with the same answer as before")
    func othersGoThroughTheParser() {
        for url in Self.others {
            #expect(!ConfigURL.isPlainHTTP(url), "\(url)")
            #expect(ConfigURL.problem(with: url) == ConfigURL.parsedProblem(with: url), "\(url)")
        }
        #expect(ConfigURL.problem(with: "ftp://example.org/feed")?.contains("not an http or https URL") == true)
        #expect(ConfigURL.problem(with: "http://example.org:65536/")?.contains("does not exist") == true)
    }

    @Test("control characters are found in ASCII and non-ASCII text alike; tabs are allowed")
    func controlCharacters() {
        for text in ["a\nb", "a\rb", "\0", "x\u{7F}", "ü\u{85}", "\u{9F}", "текст\u{1B}"] {
            #expect(ConfigReader.hasControlCharacter(text), "\(text.debugDescription)")
        }
        for text in ["", "a\tb", "plain ascii ~", "Не пропустіть", "a\u{2028}b", "\u{A0}"] {
            #expect(!ConfigReader.hasControlCharacter(text), "\(text.debugDescription)")
        }
    }
}
