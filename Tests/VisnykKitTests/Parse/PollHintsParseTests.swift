import Foundation
import Testing
@testable import VisnykKit

@Suite struct PollHintsParseTests {
    @Test func rss20ChannelHints() throws {
        let parsed = try ParseFixture.parse("poll-hints/rss20-hints.xml")
        let hints = parsed.pollHints
        // The item's <ttl> is not the channel's.
        #expect(hints.ttl == .seconds(90 * 60))
        // 24 is midnight; 25, -1 and words are dropped.
        #expect(hints.skipHours == [0, 1, 23])
        #expect(hints.skipDays == [1, 7])
        // Hourly, twice: every 30 minutes, whichever order the two elements come in.
        #expect(hints.updatePeriod == .seconds(30 * 60))
        #expect(parsed.entries.count == 1)
        #expect(parsed.warnings.isEmpty)
    }

    @Test func rss10SyndicationDefaultsToOncePerPeriod() throws {
        let parsed = try ParseFixture.parse("poll-hints/rss10-syndication.rdf")
        #expect(parsed.feed.format == .rss10)
        #expect(parsed.pollHints == FeedPollHints(updatePeriod: .seconds(7 * 86_400)))
    }

    @Test func updateFrequencyAloneMeansDaily() throws {
        let parsed = try ParseFixture.parse(string: """
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>
            <title>t</title><sy:updateFrequency>4</sy:updateFrequency></channel></rss>
            """)
        #expect(parsed.pollHints.updatePeriod == .seconds(6 * 3600))
    }

    @Test(arguments: [
        ("<ttl>0</ttl>", FeedPollHints()),
        ("<ttl>-5</ttl>", FeedPollHints()),
        ("<ttl>1e9</ttl>", FeedPollHints()),
        ("<ttl>99999999999999999999</ttl>", FeedPollHints()),
        ("<ttl>60.5</ttl>", FeedPollHints()),
        ("<ttl>999999999</ttl>", FeedPollHints(ttl: .seconds(366 * 86_400))),
        ("<sy:updatePeriod>fortnightly</sy:updatePeriod>", FeedPollHints()),
        ("<sy:updatePeriod>monthly</sy:updatePeriod><sy:updateFrequency>0</sy:updateFrequency>",
         FeedPollHints(updatePeriod: .seconds(30 * 86_400))),
        ("<sy:updatePeriod>yearly</sy:updatePeriod>", FeedPollHints(updatePeriod: .seconds(365 * 86_400))),
        ("<skipHours><hour>3</hour><hour>3</hour></skipHours>", FeedPollHints(skipHours: [3])),
        ("<skipDays><day> Monday </day><day>WEDNESDAY</day></skipDays>", FeedPollHints(skipDays: [2, 4])),
    ])
    func malformedAndEdgeValues(channelXML: String, expected: FeedPollHints) throws {
        let parsed = try ParseFixture.parse(string: """
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>
            <title>t</title>\(channelXML)</channel></rss>
            """)
        #expect(parsed.pollHints == expected)
    }

    @Test func feedsWithoutHintsAndAtomHaveNone() throws {
        #expect(try ParseFixture.parse("feeds/rss20-full.xml").pollHints.isEmpty)
        #expect(try ParseFixture.parse("feeds/atom10-full.xml").pollHints.isEmpty)
    }

    @Test func hintsAreNotInTheArticleJSON() throws {
        let withHints = try ParseFixture.parse("poll-hints/rss20-hints.xml")
        var without = withHints
        without.pollHints = FeedPollHints()
        #expect(withHints.json == without.json)
        #expect(!withHints.json.contains("ttl"))
    }
}
