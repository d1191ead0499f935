import Foundation
import Testing
@testable import VisnykKit

/// A real store and spool (SpoolHarness), articles spooled by the real Deduper, and a
/// collector over them for a config with the given sources.
struct DigestHarness {
    let h: SpoolHarness
    var config: VisnykConfig

    init(sources: [SourceConfig], format: SpoolFormat = .json) throws {
        h = try SpoolHarness(format: format)
        config = VisnykConfig(path: h.dir.appending("visnyk.toml"))
        config.stateDir = h.dir.appending("state")
        config.spoolDir = h.dir.appending("spool")
        config.sources = sources
    }

    var store: StateStore { h.store }

    func remove() { h.remove() }

    @discardableResult
    func accept(_ entries: [Entry], from source: String, at time: Date = sampleFetchTime,
                dedup: DedupScope = .global) throws -> AcceptOutcome {
        try h.deduper.accept(makeFeed(entries, title: source), from: ArticleSource(name: source, dedup: dedup), fetchedAt: time)
    }

    func collect(_ digest: DigestConfig, after cursor: Int64 = 0) throws -> DigestContent {
        try DigestCollector(store: store, spoolDirectory: config.spoolDir, config: config)
            .collect(digest, after: cursor, since: nil, now: sampleFetchTime + 3_600)
    }
}

func makeSource(_ name: String, tags: [String] = []) -> SourceConfig {
    SourceConfig(name: name, location: .url("https://\(name.lowercased()).example.org/feed"), tags: tags)
}

func makeDigest(sources: [String] = [], tags: [String] = [], include: [String] = [], exclude: [String] = [],
                maxPerSource: Int? = nil, excerptLength: Int = DigestConfig.Defaults.excerptLength) -> DigestConfig {
    DigestConfig(name: "morning", to: ["reader@example.org"], from: "Visnyk <visnyk@example.org>",
                 at: [DigestTime(hour: 7, minute: 30)], timezone: "Europe/Kyiv", sources: sources, tags: tags,
                 include: include, exclude: exclude, maxPerSource: maxPerSource, excerptLength: excerptLength)
}

/// An entry published `minutesAgo` before the sample fetch time.
func makeDatedEntry(_ id: String, title: String?, text: String, link: String? = nil, minutesAgo: Double = 0) -> Entry {
    var entry = makeEntry(id: id, title: title ?? "", text: text, link: link)
    entry.title = title
    entry.published = sampleFetchTime - minutesAgo * 60
    return entry
}

extension DigestContent {
    /// Titles per source, in the order shown.
    var titlesBySource: [[String]] { groups.map { [$0.source] + $0.articles.map(\.title) } }
    var allArticles: [DigestArticle] { groups.flatMap(\.articles) }
}
