import Testing
@testable import VisnykKit

@Suite("ContentHash")
struct ContentHashTests {
    private static let leopolisTitle = "Коаліція охочих та «Рамштайн»: Умєров розповів про головні теми зустрічей"

    @Test("format is sha256: and 64 lowercase hex digits")
    func format() {
        let hash = ContentHash.compute(title: "Title", text: "Some text", fallbackLink: nil)
        #expect(hash.hasPrefix("sha256:"))
        let hex = hash.dropFirst("sha256:".count)
        #expect(hex.count == 64)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
    }

    // Expected values computed independently with Python: typographic map, NFKC, casefold,
    // collapse, then hashlib.sha256 over the UTF-8 of the joined string.
    @Test("known vector: the leopolis article")
    func leopolisVector() throws {
        let text = try Fixture.string("hash/leopolis-article.txt")
        #expect(ContentHash.compute(title: Self.leopolisTitle, text: text, fallbackLink: "https://leopolis.news/x")
                == "sha256:c2bedc0a4c7def5a2cdb3462b78911676305e8c6888cc123b95564d509c3f2ac")
    }

    @Test("known vector: folding and compatibility characters")
    func foldingVector() {
        // Hashes "strasse\ndžemal σίσυφοσ final 2 h a".
        #expect(ContentHash.compute(title: "Straße", text: "ǅemal ΣΊΣΥΦΟΣ ﬁnal ² ℌ Ａ", fallbackLink: nil)
                == "sha256:3bd634e608f648650d2d23b055da2425cc249b81503ec3fe60b4b4fa1080d2cd")
    }

    @Test("short text: the link is appended")
    func shortTextAppendsLink() {
        // Hashes "фото дня\nльвів зранку\nhttps://t.me/leopolisnews/1234".
        let first = ContentHash.compute(title: "Фото дня", text: "Львів  зранку",
                                        fallbackLink: "https://t.me/leopolisnews/1234")
        #expect(first == "sha256:a7bf54db9f9dc8fb9f9a8da224d2a41110e787ff4cc076d966927902532ef6b6")
        let second = ContentHash.compute(title: "Фото дня", text: "Львів  зранку",
                                         fallbackLink: "https://t.me/leopolisnews/1235")
        #expect(first != second)
    }

    @Test("no title, no text: title and text are empty, the link still separates posts")
    func emptyPost() {
        // Hashes "\n\nhttps://t.me/leopolisnews/1235".
        #expect(ContentHash.compute(title: nil, text: "", fallbackLink: "https://t.me/leopolisnews/1235")
                == "sha256:e72cafad15bbd5d9eeb08382e67c177f798e6c9ac0197805363aaeee580f57a6")
        #expect(ContentHash.compute(title: nil, text: "", fallbackLink: nil)
                == ContentHash.compute(title: "", text: " ", fallbackLink: ""))
    }

    @Test("the short-text limit is 32 scalars of normalized text")
    func shortTextBoundary() {
        let thirtyOne = String(repeating: "ї", count: 31)
        let thirtyTwo = String(repeating: "ї", count: 32)
        #expect(ContentHash.compute(title: "t", text: thirtyOne, fallbackLink: "a")
                != ContentHash.compute(title: "t", text: thirtyOne, fallbackLink: "b"))
        #expect(ContentHash.compute(title: "t", text: thirtyTwo, fallbackLink: "a")
                == ContentHash.compute(title: "t", text: thirtyTwo, fallbackLink: "b"))
        // Counted after normalization: padding and case do not make text long.
        let padded = "  " + String(repeating: "Ї", count: 31) + "\u{00A0}\u{00A0}\u{200B}"
        #expect(ContentHash.compute(title: "t", text: padded, fallbackLink: "a")
                == ContentHash.compute(title: "t", text: thirtyOne, fallbackLink: "a"))
    }

    @Test("two renderings of the leopolis article hash equal")
    func renderingsHashEqual() throws {
        let original = try Fixture.string("hash/leopolis-article.txt")
        let variant = try Fixture.string("hash/leopolis-article-variant.txt")
        #expect(original != variant)
        #expect(ContentHash.compute(title: Self.leopolisTitle, text: original, fallbackLink: "https://a/1")
                == ContentHash.compute(title: "Коаліція охочих та „Рамштайн“:  умєров розповів про головні теми зустрічей",
                                       text: variant, fallbackLink: "https://b/2"))
    }

    @Test("a real edit changes the hash")
    func editChangesHash() throws {
        let original = try Fixture.string("hash/leopolis-article.txt")
        let edited = try Fixture.string("hash/leopolis-article-edited.txt")
        #expect(ContentHash.compute(title: Self.leopolisTitle, text: original, fallbackLink: nil)
                != ContentHash.compute(title: Self.leopolisTitle, text: edited, fallbackLink: nil))
        #expect(ContentHash.compute(title: Self.leopolisTitle, text: original, fallbackLink: nil)
                != ContentHash.compute(title: "Інший заголовок", text: original, fallbackLink: nil))
    }

    @Test("title and text are separated: moving words across the boundary changes the hash")
    func titleTextBoundary() {
        #expect(ContentHash.compute(title: "a b", text: "c", fallbackLink: nil)
                != ContentHash.compute(title: "a", text: "b c", fallbackLink: nil))
    }
}
