import Testing
@testable import VisnykKit

@Suite("Full text: reading a fetched page as UTF-8")
struct ArticlePageTests {
    @Test("the <meta> charset in either spelling, within the first 1,024 bytes")
    func metaCharset() {
        func label(_ html: String) -> String? { Charset.charset(fromHTMLMeta: Array(html.utf8)) }
        #expect(label("<html><head><meta charset=\"koi8-u\"><title>x</title>") == "koi8-u")
        #expect(label("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Windows-1251\">") == "windows-1251")
        #expect(label("<meta charset=utf-8>") == "utf-8")
        #expect(label("<meta name='viewport' content='width=device-width'><meta charset='cp1251' />") == "cp1251")
        #expect(label("<meta name=\"description\" content=\"no charset here\">") == nil)
        #expect(label("<html>" + String(repeating: " ", count: 1100) + "<meta charset=\"koi8-u\">") == nil)
        #expect(label("<meta charset=>") == nil)
    }

    @Test("a windows-1251 page without a charset in Content-Type is read by its <meta>")
    func legacyPage() throws {
        let bytes = try Fixture.bytes("fulltext/cp1251-page.html")
        let utf8 = ArticlePage.utf8(bytes, contentType: "text/html")
        let article = try #require(ArticleExtractor.extract(page: utf8, url: "https://city.example/news/1"))
        for paragraph in try Fixture.string("fulltext/cp1251-expected.txt").split(separator: "\n\n") {
            #expect(article.text.contains(paragraph), "missing: \(paragraph)")
        }
        #expect(!article.text.contains("Головна"))
        #expect(article.html.contains("href=\"https://city.example/news/photos/\""))
    }

    @Test("the HTTP charset wins over the page's <meta>")
    func httpCharsetWins() {
        let page = Array("<meta charset=\"windows-1251\"><p>Київ</p>".utf8)
        #expect(String(decoding: ArticlePage.utf8(page, contentType: "text/html; charset=utf-8"), as: UTF8.self).contains("Київ"))
    }

    @Test("only HTML (or an untyped response) is read as a page")
    func types() {
        #expect(ArticlePage.isHTML(contentType: nil))
        #expect(ArticlePage.isHTML(contentType: "text/html; charset=utf-8"))
        #expect(ArticlePage.isHTML(contentType: "Application/XHTML+XML"))
        #expect(!ArticlePage.isHTML(contentType: "application/pdf"))
        #expect(!ArticlePage.isHTML(contentType: "image/jpeg"))
    }
}
