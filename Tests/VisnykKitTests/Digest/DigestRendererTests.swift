import Foundation
import Testing
@testable import VisnykKit

@Suite struct DigestRendererTests {
    static let kyiv = TimeZone(identifier: "Europe/Kyiv")!
    /// 2026-11-29 07:30 in Kyiv (05:30 UTC).
    static let now = Date(timeIntervalSince1970: 1_795_930_200)

    static func article(_ seq: Int64, _ source: String, _ title: String, link: String? = nil,
                        minutesAgo: Double = 30, excerpt: String = "", alsoIn: [String] = []) -> DigestArticle {
        DigestArticle(seq: seq, source: source, title: title, link: link,
                      published: now.addingTimeInterval(-minutesAgo * 60), spooledAt: now,
                      excerpt: excerpt, alsoIn: alsoIn)
    }

    static func content(_ groups: [DigestSourceGroup], problems: [DigestSourceProblem] = [],
                        name: String = "morning") -> DigestContent {
        DigestContent(digest: name, generatedAt: now, timeZone: kyiv, since: now.addingTimeInterval(-86_400),
                      groups: groups, problems: problems, queueRange: groups.isEmpty ? nil : 1...99)
    }

    static func bundled(subject: String = DigestConfig.Defaults.subject) throws -> DigestRenderer {
        try DigestRenderer(subject: subject, htmlTemplatePath: nil, textTemplatePath: nil)
    }

    @Test func countsInTheHeaderIncludeTheOmittedAndSayArticleAndSourceInTheSingular() throws {
        let many = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Kyiv Post", articles: [Self.article(1, "Kyiv Post", "One"),
                                                              Self.article(2, "Kyiv Post", "Two")], omitted: 3),
            DigestSourceGroup(source: "Leopolis.news", articles: [Self.article(3, "Leopolis.news", "Three")]),
        ]))
        #expect(many.html.contains("6 new articles from 2 sources"))
        #expect(many.text.contains("6 new articles from 2 sources"))
        #expect(many.subject == "morning: 6 new articles from 2 sources (2026-11-29)")

        let one = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Kyiv Post", articles: [Self.article(1, "Kyiv Post", "One")]),
        ]))
        #expect(one.html.contains("1 new article from 1 source<"))
        #expect(one.text.contains("1 new article from 1 source\n"))
    }

    @Test func cyrillicTitlesSourcesAndExcerptsSurviveBothParts() throws {
        let title = "Львів: у неділю — «Ніч у музеї», ґанок і ї"
        let rendered = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Леополіс", articles: [
                Self.article(1, "Леополіс", title, link: "https://leopolis.news/ніч", excerpt: "Музеї відчинені до опівночі…"),
            ]),
        ]))
        for part in [rendered.html, rendered.text] {
            #expect(part.contains(title))
            #expect(part.contains("Леополіс"))
            #expect(part.contains("Музеї відчинені до опівночі…"))
        }
        #expect(rendered.html.contains("href=\"https://leopolis.news/ніч\""))
        #expect(rendered.text.contains("\nhttps://leopolis.news/ніч\n"))
    }

    @Test func groupsAndArticlesKeepTheirOrder() throws {
        let rendered = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Zeta", articles: [Self.article(1, "Zeta", "Z newest"), Self.article(2, "Zeta", "Z older")]),
            DigestSourceGroup(source: "Alpha", articles: [Self.article(3, "Alpha", "A only")]),
            DigestSourceGroup(source: "Mu", articles: [Self.article(4, "Mu", "M only")]),
        ]))
        for part in [rendered.html, rendered.text] {
            let positions = ["Zeta", "Z newest", "Z older", "Alpha", "A only", "Mu", "M only"].map {
                part.range(of: $0)?.lowerBound
            }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        }
    }

    @Test func hostileTitlesExcerptsAndLinksCannotBecomeMarkup() throws {
        let rendered = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Evil <script>alert(1)</script>", articles: [
                Self.article(1, "Evil", "<script>alert('x')</script> breaking", link: "javascript:alert(1)"),
                Self.article(2, "Evil", "<img src=x onerror=alert(1)>", link: " JaVaScRiPt:alert(2)",
                             excerpt: "<a href=\"javascript:alert(3)\" onclick = \"steal()\">click</a> OnMouseOver=x"),
                Self.article(3, "Evil", "\"><svg onload=alert(4)>", link: "data:text/html,<script>alert(5)</script>",
                             alsoIn: ["<b onmouseover=alert(6)>x</b>"]),
                Self.article(4, "Evil", "Quoted link", link: "https://example.org/a?b=1&c=\"><script>alert(7)</script>"),
            ]),
        ], problems: [DigestSourceProblem(source: "<iframe src=javascript:alert(8)>", retired: false, since: nil,
                                          reason: "<script>alert(9)</script>")]))
        let html = rendered.html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:"))
        #expect(html.firstMatch(of: /\bon[a-z]+\s*=/) == nil)
        // Every link is the one safe one, its quote escaped; the others' titles are plain text.
        let hrefs = rendered.html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        #expect(hrefs == ["https://example.org/a?b=1&amp;c=&quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;"])
        // Read as a browser would (the project's HTML5 tokenizer): only the template's own tags
        // and attributes exist.
        var tags = Set<String>(), attributes = Set<String>()
        Array(rendered.html.utf8).withUnsafeBufferPointer { bytes in
            var tokenizer = HTMLTokenizer(bytes)
            while let token = tokenizer.next() {
                guard case .startTag = token else { continue }
                tags.insert(tokenizer.tagName)
                for attribute in tokenizer.attributes { attributes.insert(tokenizer.name(of: attribute)) }
            }
        }
        #expect(tags == ["html", "head", "meta", "title", "style", "body", "div", "h1", "p", "h2", "a", "strong"])
        #expect(attributes == ["charset", "name", "content", "class", "style", "href"])
        #expect(rendered.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; breaking"))
        #expect(rendered.html.contains("&lt;img src=x onerror&#61;alert(1)&gt;"))
    }

    @Test func onlyWebLinksWithAHostAreLinked() {
        #expect(DigestRenderer.safeLink("https://a.example/x?y=1") == "https://a.example/x?y=1")
        #expect(DigestRenderer.safeLink("HTTP://A.example") == "HTTP://A.example")
        let bad = ["javascript:alert(1)", " https://a.example", "https:///x", "ftp://a.example", "//a.example",
                   "https://a.example/\u{0}x", "https://a.example/a b", "data:text/html,x",
                   "https://a.example/" + String(repeating: "x", count: 9000)]
        for link in bad {
            #expect(DigestRenderer.safeLink(link) == nil, "\(link.prefix(40))")
        }
    }

    @Test func theHTMLEscapingBreaksHandlersAndScriptURLsOnly() {
        let escaping = DigestHTMLEscaping()
        #expect(escaping.escapeText("onerror=1 onclick =2 ONLOAD\t=3") == "onerror&#61;1 onclick &#61;2 ONLOAD\t&#61;3")
        #expect(escaping.escapeText("JavaScript:x vbscript:y java script:z") == "JavaScript&#58;x vbscript&#58;y java script&#58;z")
        #expect(escaping.escapeText("a=b on=c at 07:30, note: x=1") == "a=b on=c at 07:30, note: x=1")
        #expect(escaping.escapeText("Tom & Jerry's \"show\" <b>") == "Tom &amp; Jerry&#39;s &quot;show&quot; &lt;b&gt;")
        #expect(escaping.escapeText("Києві: прем'єра") == "Києві: прем&#39;єра")
        #expect(escaping.escapeText("plain text") == "plain text")
    }

    @Test func anEmptyDigestSaysNoNewArticles() throws {
        let rendered = try Self.bundled().render(Self.content([]))
        #expect(rendered.html.contains("Sunday, 29 November 2026 · No new articles</p>"))
        #expect(rendered.html.contains(">Nothing new since 2026-11-28 07:30.</p>"))
        #expect(rendered.text.hasPrefix("morning — Sunday, 29 November 2026\nNo new articles\n\nNothing new since 2026-11-28 07:30.\n\n-- \n"))
        #expect(rendered.subject == "morning: No new articles (2026-11-29)")
        #expect(rendered.html.contains("Sent by Visnyk \(VisnykVersion.current)"))
    }

    @Test func omittedArticlesAreCountedUnderTheirSource() throws {
        let rendered = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Kyiv Post", articles: [Self.article(1, "Kyiv Post", "Kept")], omitted: 12),
            DigestSourceGroup(source: "Other", articles: [Self.article(2, "Other", "All shown")]),
        ]))
        for part in [rendered.html, rendered.text] {
            #expect(part.contains("12 more from Kyiv Post"))
            #expect(!part.contains("more from Other"))
        }
    }

    @Test func articleLinesShowSourceLocalTimeExcerptAndAlsoIn() throws {
        let rendered = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Kyiv Post", articles: [
                Self.article(1, "Kyiv Post", "Today", minutesAgo: 25, excerpt: "First words…", alsoIn: ["Ukrinform", "Suspilne"]),
                Self.article(2, "Kyiv Post", "Yesterday", minutesAgo: 8 * 60 + 20),
                Self.article(3, "Kyiv Post", "Last year", minutesAgo: 366 * 24 * 60),
                Self.article(4, "Kyiv Post", "No link"),
            ]),
        ]))
        for part in [rendered.html, rendered.text] {
            #expect(part.contains("Kyiv Post · 07:05"))
            #expect(part.contains("Kyiv Post · 28 Nov 23:10"))
            #expect(part.contains("Kyiv Post · 28 Nov 2025 07:30"))
            #expect(part.contains("First words…"))
            #expect(part.contains("also in: Ukrinform, Suspilne"))
        }
        #expect(rendered.html.contains("font-weight:600;\">No link</div>"))
    }

    @Test func theFooterNamesFailingAndRetiredSources() throws {
        let failingSince = Date(timeIntervalSince1970: 1_795_752_600) // 2026-11-27 04:10 UTC
        let rendered = try Self.bundled().render(Self.content(
            [DigestSourceGroup(source: "Leopolis.news", articles: [Self.article(1, "Leopolis.news", "News")])],
            problems: [
                DigestSourceProblem(source: "Kyiv Post", retired: false, since: failingSince, reason: "HTTP 503 Service Unavailable"),
                DigestSourceProblem(source: "Old Blog", retired: true, since: nil, reason: "410 Gone from https://old.example/feed"),
            ]))
        #expect(rendered.text.contains("Kyiv Post: failing since 2026-11-27 06:10 — HTTP 503 Service Unavailable\n"))
        #expect(rendered.text.contains("Old Blog: retired, no longer polled — 410 Gone from https://old.example/feed\n"))
        #expect(rendered.html.contains("<strong>Kyiv Post</strong>: failing since 2026-11-27 06:10 — HTTP 503 Service Unavailable"))
        #expect(rendered.html.contains("<strong>Old Blog</strong>: retired, no longer polled"))
        #expect(rendered.text.hasSuffix("Sent by Visnyk \(VisnykVersion.current)\n"))
    }

    @Test func theBundledHTMLIsACompletePhoneAndDarkModeReadyDocument() throws {
        let html = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "A", articles: [Self.article(1, "A", "T", link: "https://a.example/1")]),
        ])).html
        #expect(html.hasPrefix("<!doctype html>\n"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
        #expect(html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.contains("max-width:640px"))
        #expect(html.contains("<a class=\"v-link\" href=\"https://a.example/1\" style="))
        #expect(html.hasSuffix("</html>\n"))
        for template in [PackageResources.digest_html_mustache, PackageResources.digest_txt_mustache] {
            let source = String(decoding: template, as: UTF8.self)
            #expect(!source.contains("{{{") && !source.contains("{{&"))
        }
    }

    @Test func theTextPartIsNotHTMLEscaped() throws {
        let text = try Self.bundled().render(Self.content([
            DigestSourceGroup(source: "Q&A", articles: [Self.article(1, "Q&A", "Tom & Jerry's <b>", link: "https://x.example/?a=1&b=2")]),
        ])).text
        #expect(text.contains("\nQ&A\n---\n"))
        #expect(text.contains("\nTom & Jerry's <b>\nhttps://x.example/?a=1&b=2\n"))
        #expect(!text.contains("&amp;"))
    }
}
