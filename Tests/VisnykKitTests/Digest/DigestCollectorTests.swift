import Foundation
import Testing
@testable import VisnykKit

@Suite struct DigestCollectorTests {
    let bridge = makeDatedEntry("a-1", title: "Міст через Полтву відкрили",
                                text: "Після двох років ремонту міст через Полтву знову відкрили для руху.", minutesAgo: 30)
    let tram = makeDatedEntry("a-2", title: "Трамвай змінює маршрут",
                              text: "З понеділка трамвай курсуватиме через вулицю Городоцьку до вокзалу.", minutesAgo: 10)
    let market = makeDatedEntry("b-1", title: "Ринок отримає нову бруківку",
                                text: "Площа Ринок отримає нову бруківку та освітлення до кінця року.", minutesAgo: 20)

    @Test func articlesRepeatUntilADeliveryIsRecordedAndNeverAfter() throws {
        let d = try DigestHarness(sources: [makeSource("A"), makeSource("B")])
        defer { d.remove() }
        try d.accept([bridge, tram], from: "A")
        let digest = makeDigest()
        let first = try d.collect(digest)
        #expect(first.titlesBySource == [["A", "Трамвай змінює маршрут", "Міст через Полтву відкрили"]])
        #expect(first.queueRange == 1...2)
        // Not delivered (the server refused, the daemon stopped): the same articles again.
        let again = try d.collect(digest)
        #expect(again == first)
        #expect(try d.store.digestState(named: "morning") == nil)

        try d.store.recordDelivery(DigestDelivery(digest: "morning", sentAt: sampleFetchTime + 3_600, messageID: "m1@test.host",
                                                  recipients: digest.to, slot: nil, queueRange: first.queueRange,
                                                  shown: first.allArticles.map(\.seq)))
        let cursor = try #require(try d.store.digestState(named: "morning")).cursor
        #expect(cursor == 2)
        let afterDelivery = try d.collect(digest, after: cursor)
        #expect(afterDelivery.isEmpty && afterDelivery.queueRange == nil)

        // Polled again: the delivered articles are duplicates; only the new one is shown.
        try d.accept([bridge, tram, market], from: "A", at: sampleFetchTime + 7_200)
        let next = try d.collect(digest, after: cursor)
        #expect(next.titlesBySource == [["A", "Ринок отримає нову бруківку"]])
        #expect(next.queueRange == 3...3)
    }

    @Test func sourcesAreSelectedByNameOrTagInConfigOrder() throws {
        let d = try DigestHarness(sources: [makeSource("A", tags: ["ukraine"]), makeSource("B", tags: ["lviv", "ukraine"]),
                                            makeSource("C")])
        defer { d.remove() }
        try d.accept([bridge], from: "A")
        try d.accept([tram], from: "C")
        try d.accept([market], from: "B")
        let lvivOrC = try d.collect(makeDigest(sources: ["C"], tags: ["lviv"]))
        #expect(lvivOrC.titlesBySource == [["B", "Ринок отримає нову бруківку"], ["C", "Трамвай змінює маршрут"]])
        // A's article was looked at too: delivering moves past it.
        #expect(lvivOrC.queueRange == 1...3)
        #expect(try d.collect(makeDigest(tags: ["ukraine"])).groups.map(\.source) == ["A", "B"])
        #expect(try d.collect(makeDigest(sources: ["A"])).groups.map(\.source) == ["A"])
    }

    @Test func withoutASelectionEverySourceIsShownAndGoneSourcesComeLast() throws {
        var d = try DigestHarness(sources: [makeSource("B"), makeSource("A"), makeSource("Old")])
        defer { d.remove() }
        try d.accept([bridge], from: "A")
        try d.accept([market], from: "Old")
        try d.accept([tram], from: "B")
        d.config.sources.removeLast()
        #expect(try d.collect(makeDigest()).groups.map(\.source) == ["B", "A", "Old"])
        // Selected by tag, a source no longer configured has no tags.
        d.config.sources[0].tags = ["lviv"]
        #expect(try d.collect(makeDigest(tags: ["lviv"])).groups.map(\.source) == ["B"])
    }

    @Test func newestFirstByPublicationElseSpoolTime() throws {
        let d = try DigestHarness(sources: [makeSource("A")])
        defer { d.remove() }
        var undated = makeDatedEntry("u-1", title: "Без дати публікації", text: "Стрічка не вказала дату цієї новини взагалі.")
        undated.published = nil
        try d.accept([bridge, undated], from: "A", at: sampleFetchTime - 3_600)
        try d.accept([tram, market], from: "A")
        // tram 10 min ago, market 20, bridge 30, the undated one spooled an hour ago.
        #expect(try d.collect(makeDigest()).titlesBySource == [["A", "Трамвай змінює маршрут", "Ринок отримає нову бруківку",
                                                                "Міст через Полтву відкрили", "Без дати публікації"]])
    }

    @Test func maxPerSourceKeepsTheNewestAndCountsTheRest() throws {
        let d = try DigestHarness(sources: [makeSource("A"), makeSource("B")])
        defer { d.remove() }
        try d.accept([bridge, tram, market], from: "A")
        let other = makeDatedEntry("b-2", title: "Оперний театр оголосив сезон", text: "Львівська опера оголосила прем'єри нового сезону.")
        try d.accept([other], from: "B")
        let content = try d.collect(makeDigest(maxPerSource: 2))
        #expect(content.titlesBySource == [["A", "Трамвай змінює маршрут", "Ринок отримає нову бруківку"],
                                           ["B", "Оперний театр оголосив сезон"]])
        #expect(content.groups.map(\.omitted) == [1, 0])
        #expect(content.articleCount == 3 && content.queueRange == 1...4)
    }

    @Test func includeAndExcludeMatchTitleAndTextLikeStripPatterns() throws {
        let d = try DigestHarness(sources: [makeSource("A")])
        defer { d.remove() }
        let union = makeDatedEntry("a-3", title: "Об’єднання громад", text: "Депутати схвалили ОБ'ЄДНАННЯ трьох громад області.")
        try d.accept([bridge, tram, market, union], from: "A")
        // A literal ignores case and apostrophe variants, and matches the text too.
        #expect(try d.collect(makeDigest(include: ["об'єднання"])).allArticles.map(\.title) == ["Об’єднання громад"])
        #expect(try d.collect(makeDigest(include: ["вулицю городоцьку"])).allArticles.map(\.title) == ["Трамвай змінює маршрут"])
        // A regex matches a line; /…/i ignores case.
        #expect(try d.collect(makeDigest(include: ["/^МІСТ/i", "/бруківк/"])).allArticles.map(\.title)
                == ["Ринок отримає нову бруківку", "Міст через Полтву відкрили"])
        // Exclude wins over include.
        #expect(try d.collect(makeDigest(include: ["/./"], exclude: ["трамвай", "/громад/"])).allArticles.map(\.title)
                == ["Ринок отримає нову бруківку", "Міст через Полтву відкрили"])
        // Filtered out, still looked at.
        #expect(try d.collect(makeDigest(include: ["нічого такого немає"])).queueRange == 1...4)
        #expect(throws: StripPatternError.self) { try d.collect(makeDigest(exclude: ["/[/"])) }
    }

    @Test func theSameStoryFromSeveralSourcesIsShownOnce() throws {
        let d = try DigestHarness(sources: [makeSource("A"), makeSource("B"), makeSource("C"), makeSource("D")])
        defer { d.remove() }
        // A and B link the same page (different texts); C titles it alike, in other quotes and case.
        let fromA = makeDatedEntry("a-9", title: "Львів отримав 20 нових тролейбусів",
                                   text: "Місто отримало двадцять нових тролейбусів від виробника з Луцька.",
                                   link: "https://city.example.org/news/trolleybuses/", minutesAgo: 5)
        let fromB = makeDatedEntry("b-9", title: "Нові тролейбуси для Львова",
                                   text: "Двадцять тролейбусів уже на маршрутах міста.",
                                   link: "http://CITY.example.org/news/trolleybuses#top", minutesAgo: 1)
        let fromC = makeDatedEntry("c-9", title: "ЛЬВІВ ОТРИМАВ 20 НОВИХ ТРОЛЕЙБУСІВ",
                                   text: "Передрук: тролейбуси прибули до депо на Личаківській.", minutesAgo: 2)
        try d.accept([fromA, bridge], from: "A")
        try d.accept([fromB], from: "B")
        try d.accept([fromC], from: "C")
        // D carries A's bridge story word for word: a carrier of the same hash, not spooled.
        var copy = bridge
        copy.id = "d-1"
        let outcome = try d.accept([copy], from: "D")
        #expect(outcome.duplicates == 1)

        let content = try d.collect(makeDigest())
        #expect(content.titlesBySource == [["A", "Львів отримав 20 нових тролейбусів", "Міст через Полтву відкрили"]])
        #expect(content.allArticles.map(\.alsoIn) == [["B", "C"], ["D"]])
        #expect(content.queueRange == 1...4)
    }

    @Test func withFeedScopedDedupTheSameArticleFromTwoSourcesIsShownOnce() throws {
        let d = try DigestHarness(sources: [makeSource("A"), makeSource("B")])
        defer { d.remove() }
        try d.accept([tram], from: "B", dedup: .feed)
        try d.accept([tram], from: "A", dedup: .feed)
        let content = try d.collect(makeDigest())
        #expect(content.titlesBySource == [["A", "Трамвай змінює маршрут"]])
        #expect(content.allArticles.first?.alsoIn == ["B"])
    }

    @Test func shortGenericTitlesDoNotMakeDuplicates() throws {
        let d = try DigestHarness(sources: [makeSource("A"), makeSource("B")])
        defer { d.remove() }
        try d.accept([makeDatedEntry("a-p", title: "Фото дня", text: "Світанок над Високим замком, фото читача.")], from: "A")
        try d.accept([makeDatedEntry("b-p", title: "Фото дня", text: "Осінь у Стрийському парку, фото редакції.")], from: "B")
        #expect(try d.collect(makeDigest()).articleCount == 2)
    }

    @Test func problemsListTheSelectedSourcesThatFailOrAreRetired() throws {
        let d = try DigestHarness(sources: [makeSource("A", tags: ["lviv"]), makeSource("B", tags: ["lviv"]),
                                            makeSource("C", tags: ["lviv"]), makeSource("D")])
        defer { d.remove() }
        var failing = SourceState(name: "B")
        failing.consecutiveFailures = 4
        failing.failingSince = sampleFetchTime - 86_400
        failing.lastError = "https://b.example.org/feed answered 503 Service Unavailable"
        var retired = SourceState(name: "C")
        retired.retired = true
        retired.lastError = "https://c.example.org/feed answered 410 Gone"
        var unselected = SourceState(name: "D")
        unselected.consecutiveFailures = 1
        try d.store.save(SourceState(name: "A"))
        try d.store.save(failing)
        try d.store.save(retired)
        try d.store.save(unselected)
        let content = try d.collect(makeDigest(tags: ["lviv"]))
        #expect(content.isEmpty && content.queueRange == nil)
        #expect(content.problems == [
            DigestSourceProblem(source: "B", retired: false, since: failing.failingSince, reason: failing.lastError!),
            DigestSourceProblem(source: "C", retired: true, since: nil, reason: retired.lastError!),
        ])
    }

    @Test func badTimeZoneIsAnErrorNamingTheDigest() throws {
        let d = try DigestHarness(sources: [makeSource("A")])
        defer { d.remove() }
        var digest = makeDigest()
        digest.timezone = "Europe/Atlantis"
        #expect(throws: DigestCollectionError.self) { try d.collect(digest) }
        #expect(try d.collect(makeDigest()).timeZone.identifier == "Europe/Kyiv")
    }
}
