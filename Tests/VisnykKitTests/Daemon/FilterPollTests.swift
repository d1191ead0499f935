import Foundation
import Testing
@testable import VisnykKit

/// Source filters through the whole poll: excluded articles are recorded as seen but never
/// spooled, on this poll or the next, nor after the filter is removed; another source with
/// the same article and no filter still spools it.
@Suite struct FilterPollTests {
    static func feed(_ items: [(title: String, category: String)]) -> String {
        let body = items.enumerated().map { index, item in
            """
            <item><title>\(item.title)</title><link>https://example.org/\(index)</link>
            <guid>https://example.org/\(index)</guid><category>\(item.category)</category>
            <description>Стаття номер \(index) про місто і його мешканців, досить довга, щоб не бути короткою.</description></item>
            """
        }.joined(separator: "\n")
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title>\(body)</channel></rss>"
    }

    @Test("excluded entries are not spooled, now or later, and are counted")
    func excludedNeverSpooled() async throws {
        let spool = try SpoolHarness()
        let fetcher = try MultiFetcher(settings: FetcherSettings())
        let path = spool.dir.appending("feed.xml")
        let filtered = SourceConfig(name: "city", location: .file(path), exclude: ["спорт"])
        let plain = SourceConfig(name: "mirror", location: .file(spool.dir.appending("mirror.xml")))
        var config = VisnykConfig(path: spool.dir.appending("visnyk.toml"))
        config.sources = [filtered, plain]
        let poller = SourcePoller(config: config, fetcher: fetcher, store: spool.store, deduper: spool.deduper)
        do {
            let first: [(title: String, category: String)] = [("Новий парк", "Місто"), ("Карпати виграли", "Спорт")]
            try Self.feed(first).write(toFile: path, atomically: true, encoding: .utf8)
            let report = await poller.poll(filtered)
            guard case .fetched(let accepted) = report.outcome else {
                Issue.record("poll did not fetch: \(report.outcome)")
                return
            }
            #expect(accepted.new == 1 && report.filtered == 1)
            let metrics = DaemonMetrics(spoolDirectory: spool.dir.appending("none"))
            metrics.record(report)
            #expect(String(decoding: metrics.exposition(), as: UTF8.self)
                .contains(#"visnyk_articles_total{source="city",kind="filtered"} 1"#))
            #expect(report.summary.contains("1 new, 0 seen, 1 filtered"))
            #expect(spool.files("new").count == 1)
            #expect(try spool.json("new", spool.files("new")[0])["title"] as? String == "Новий парк")

            // The next poll (the file changed: one more article) spools neither again.
            try Self.feed(first + [("Вистава", "Культура")]).write(toFile: path, atomically: true, encoding: .utf8)
            let second = await poller.poll(filtered)
            guard case .fetched(let again) = second.outcome else {
                Issue.record("second poll did not fetch: \(second.outcome)")
                return
            }
            #expect(again.new == 1 && again.duplicates == 1 && second.filtered == 1)
            #expect(spool.files("new").count == 2)

            // Without the filter, what it kept out still stays out.
            var unfiltered = filtered
            unfiltered.exclude = []
            try Self.feed(first + [("Вистава", "Культура"), ("Ярмарок", "Місто")]).write(toFile: path, atomically: true, encoding: .utf8)
            let third = await poller.poll(unfiltered)
            guard case .fetched(let later) = third.outcome else {
                Issue.record("third poll did not fetch: \(third.outcome)")
                return
            }
            #expect(later.new == 1 && later.duplicates == 2 && third.filtered == 1)
            #expect(spool.files("new").count == 3)
            #expect(try spool.store.filteredCount(source: "city") == 1)

            // Another source carrying the same story, without filters, spools it.
            try Self.feed(first).write(toFile: spool.dir.appending("mirror.xml"), atomically: true, encoding: .utf8)
            let mirror = await poller.poll(plain)
            guard case .fetched(let mirrored) = mirror.outcome else {
                Issue.record("mirror poll did not fetch: \(mirror.outcome)")
                return
            }
            #expect(mirrored.new == 1 && mirrored.duplicates == 1 && mirror.filtered == 0)
            #expect(try mirrored.files.map { try spool.json("new", $0)["title"] as? String } == ["Карпати виграли"])
            try spool.expectNewIsWholeAndUnique()

            // Crash-safety of the marker rows: recovery ignores them, and status counts them.
            #expect(try spool.deduper.recover().finished == 0)
            try spool.store.flushStates()
            let status = try StatusReport(config: config, store: spool.store)
            #expect(status.sources.first { $0.name == "city" }?.filtered == 1)
            #expect(status.text().contains("filtered out"))
        }
        await fetcher.shutdown(grace: .seconds(1))
        spool.remove()
    }
}
