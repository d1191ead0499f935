import Foundation
import Testing
@testable import VisnykKit

/// The seed article (leopolis-article.txt) in two feeds written by make_seed.py: RSS 2.0 in
/// windows-1251 with <p> paragraphs, and UTF-8 Atom with div/br, inline tags, escaped HTML,
/// entities and typographic variants. The content hash contract says they are one article.
@Suite struct SeedArticleTests {
    static let rssFixture = "feeds/leopolis-rss-windows-1251.xml"
    static let atomFixture = "feeds/leopolis-atom-variant.xml"

    private func onlyEntry(_ parsed: ParsedFeed) throws -> Entry {
        #expect(parsed.entries.count == 1)
        return try #require(parsed.entries.first)
    }

    @Test func bothFeedsParse() throws {
        let rss = try ParseFixture.parse(Self.rssFixture)
        #expect(rss.feed.format == .rss20)
        #expect(rss.feed.language == "uk")
        let rssEntry = try onlyEntry(rss)
        #expect(rssEntry.title == "Коаліція охочих та «Рамштайн»: Умєров розповів про головні теми зустрічей")
        #expect(rssEntry.id == "https://leopolis.news/?p=123456")
        #expect(rssEntry.link == "https://leopolis.news/koalitsiya-ohochyh-ta-ramshtajn/")
        #expect(ParseFixture.rfc3339(rssEntry.published) == "2025-04-23T07:15:00Z")

        let atom = try ParseFixture.parse(Self.atomFixture)
        #expect(atom.feed.format == .atom10)
        let atomEntry = try onlyEntry(atom)
        #expect(atomEntry.link == "https://aggregator.example.org/a/1")
    }

    @Test func textIsNonEmptyCyrillic() throws {
        for fixture in [Self.rssFixture, Self.atomFixture] {
            let entry = try onlyEntry(try ParseFixture.parse(fixture))
            #expect(entry.text.count > 1000, "\(fixture)")
            let cyrillic = entry.text.unicodeScalars.filter { (0x0400...0x04FF).contains($0.value) }.count
            let letters = entry.text.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
            #expect(cyrillic * 10 > letters * 9, "\(fixture): mostly Cyrillic letters, not mojibake")
            #expect(entry.text.contains("Міністр оборони України Рустем Умєров"), "\(fixture)")
            #expect(entry.text.contains("Patriot"), "\(fixture)")
            #expect(!entry.text.contains("<"), "\(fixture): no markup in text")
            #expect(!entry.text.contains("&nbsp;") && !entry.text.contains("&shy;"), "\(fixture): entities decoded")
            #expect(entry.text.split(separator: "\n").count >= 10, "\(fixture): paragraphs are separate lines")
        }
    }

    @Test func differentMarkupAndTypographyHashTheSame() throws {
        let rss = try onlyEntry(try ParseFixture.parse(Self.rssFixture))
        let atom = try onlyEntry(try ParseFixture.parse(Self.atomFixture))
        #expect(rss.contentHash == atom.contentHash)
        #expect(rss.contentHash.hasPrefix("sha256:"))
        #expect(rss.text != atom.text, "the fixtures really differ in their characters")
    }

    @Test func hashAgreesWithTheTextNormalizerContract() throws {
        let rss = try onlyEntry(try ParseFixture.parse(Self.rssFixture))
        let expected = ContentHash.compute(title: rss.title, text: rss.text, fallbackLink: rss.link)
        #expect(rss.contentHash == expected)
    }

    @Test func editingOneWordChangesTheHash() throws {
        let atomText = try Fixture.string(Self.atomFixture)
        #expect(atomText.contains("Брюсселі"))
        let edited = atomText.replacingOccurrences(of: "Брюсселі", with: "Варшаві")
        let original = try onlyEntry(try ParseFixture.parse(Self.atomFixture))
        let changed = try onlyEntry(try ParseFixture.parse(string: edited))
        #expect(changed.contentHash != original.contentHash)
        let rss = try onlyEntry(try ParseFixture.parse(Self.rssFixture))
        #expect(changed.contentHash != rss.contentHash)
    }

    @Test func editingTheTitleChangesTheHash() throws {
        let atomText = try Fixture.string(Self.atomFixture)
        let edited = atomText.replacingOccurrences(of: "головні теми", with: "другорядні теми")
        let original = try onlyEntry(try ParseFixture.parse(Self.atomFixture))
        let changed = try onlyEntry(try ParseFixture.parse(string: edited))
        #expect(changed.contentHash != original.contentHash)
    }

    @Test func stripPatternsRemoveBoilerplateLines() throws {
        let strip = [try StripPattern("Не пропустіть важливе!"), try StripPattern("/^Читайте нас на Телеграм/")]
        let plainRSS = try onlyEntry(try ParseFixture.parse(Self.rssFixture))
        #expect(plainRSS.text.contains("Не пропустіть важливе!"), "without patterns the line stays")
        #expect(plainRSS.text.contains("Читайте нас на Телеграм"))

        let rss = try onlyEntry(try ParseFixture.parse(Self.rssFixture, strip: strip))
        let atom = try onlyEntry(try ParseFixture.parse(Self.atomFixture, strip: strip))
        for entry in [rss, atom] {
            #expect(!entry.text.contains("Не пропустіть"))
            #expect(!entry.text.contains("Читайте нас"))
            #expect(!entry.text.contains("t.me/leopolisnews"))
            #expect(entry.text.contains("Отримуйте ексклюзивні новини"), "other lines stay")
            #expect(entry.text.contains("Міністр оборони України"))
        }
        #expect(rss.contentHash == atom.contentHash)
        #expect(rss.contentHash != plainRSS.contentHash, "boilerplate removal is part of the hash")
        // Content HTML is what the feed gave; only text and hash lose the boilerplate.
        #expect(rss.content?.contains("Не пропустіть важливе!") == true)
    }
}
