import Testing
@testable import VisnykKit

struct URLResolverTests {
    @Test func baseWithQueryAndFragment() {
        let base = "https://example.org/news/item.html?id=5#top"
        #expect(URLResolver.resolve("", against: base) == "https://example.org/news/item.html?id=5")
        #expect(URLResolver.resolve("#c", against: base) == "https://example.org/news/item.html?id=5#c")
        #expect(URLResolver.resolve("?id=6", against: base) == "https://example.org/news/item.html?id=6")
        #expect(URLResolver.resolve("other.html", against: base) == "https://example.org/news/other.html")
    }

    @Test func baseWithoutPath() {
        #expect(URLResolver.resolve("g", against: "http://a") == "http://a/g")
        #expect(URLResolver.resolve("../g", against: "http://a") == "http://a/g")
        #expect(URLResolver.resolve("?q", against: "http://a") == "http://a?q")
        #expect(URLResolver.resolve("", against: "http://a") == "http://a")
    }

    @Test func missingOrRelativeBaseLeavesTheReference() {
        #expect(URLResolver.resolve("  /a/b ", against: nil) == "/a/b")
        #expect(URLResolver.resolve("a/b", against: "") == "a/b")
        #expect(URLResolver.resolve("a/b", against: "/relative/base/") == "a/b")
        #expect(URLResolver.resolve("//cdn.example.org/x.png", against: nil) == "//cdn.example.org/x.png")
        #expect(URLResolver.resolve("//cdn.example.org/x.png", against: "https://a.org/") == "https://cdn.example.org/x.png")
    }

    @Test func whiteSpaceIsTrimmedAndTabsNewlinesRemoved() {
        #expect(URLResolver.resolve("\n\t https://a.org/x \r\n", against: nil) == "https://a.org/x")
        #expect(URLResolver.resolve("ht\ttp://a.org/p\nath", against: nil) == "http://a.org/path")
        #expect(URLResolver.resolve("a b", against: "http://x/y/") == "http://x/y/a b")
    }

    @Test func schemeAndHostAreLowercasedButNothingElse() {
        #expect(URLResolver.resolve("HTTP://User:Pw@Example.ORG:8080/Path?Q=A#F", against: nil)
                == "http://User:Pw@example.org:8080/Path?Q=A#F")
        #expect(URLResolver.resolve("MAILTO:Joe@Example.COM", against: nil) == "mailto:Joe@Example.COM")
        #expect(URLResolver.resolve("x", against: "HTTPS://WWW.Example.org/A/b") == "https://www.example.org/A/x")
    }

    @Test func absoluteReferencesLoseDotSegmentsOnlyWhenHierarchical() {
        #expect(URLResolver.resolve("http://a/b/../c/./d", against: "http://other/") == "http://a/c/d")
        #expect(URLResolver.resolve("data:text/plain,a/../b", against: nil) == "data:text/plain,a/../b")
    }

    @Test func iriCharactersAreKept() {
        #expect(URLResolver.resolve("новини/стаття?q=київ", against: "https://приклад.укр/a/")
                == "https://приклад.укр/a/новини/стаття?q=київ")
    }

    @Test func dotSegmentsAboveRoot() {
        #expect(URLResolver.resolve("../../../../x", against: "https://a.org/one/") == "https://a.org/x")
        #expect(URLResolver.resolve("/../x", against: "https://a.org/one/") == "https://a.org/x")
    }

    @Test func xmlBaseChain() {
        var base = "http://example.org/feeds/main.xml"
        for step in ["../blog/", "2025/", "./posts/"] { base = URLResolver.resolve(step, against: base) }
        #expect(base == "http://example.org/blog/2025/posts/")
        #expect(URLResolver.resolve("entry?id=1", against: base) == "http://example.org/blog/2025/posts/entry?id=1")
    }

    @Test func isAbsolute() {
        #expect(URLResolver.isAbsolute("http://a"))
        #expect(URLResolver.isAbsolute("mailto:x@y"))
        #expect(URLResolver.isAbsolute("  tag:example.org,2025:1"))
        #expect(URLResolver.isAbsolute("a+b-c.d:x"))
        #expect(!URLResolver.isAbsolute("/a:b"))
        #expect(!URLResolver.isAbsolute("1http://a"))
        #expect(!URLResolver.isAbsolute("//a/b"))
        #expect(!URLResolver.isAbsolute("a"))
        #expect(!URLResolver.isAbsolute(""))
        #expect(!URLResolver.isAbsolute("ja va:x"))
    }
}
