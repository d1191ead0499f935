import Foundation
import Testing
@testable import VisnykKit

/// A state store and a spool in one temp directory, with the Deduper over them, and ways to
/// look at what ended up where.
struct SpoolHarness {
    let dir: TemporaryDirectory
    let store: StateStore
    let spool: SpoolWriter
    let deduper: Deduper

    init(format: SpoolFormat = .json) throws {
        dir = try TemporaryDirectory("visnyk-spool")
        store = try StateStore(directory: dir.appending("state"))
        spool = try SpoolWriter(directory: dir.appending("spool"), format: format, host: "test.host")
        deduper = Deduper(store: store, spool: spool)
    }

    /// The state opened again, as after a restart, with this harness's spool writer (the only
    /// one: recovery needs the spool lock to itself).
    func restarted() throws -> Deduper {
        Deduper(store: try StateStore(directory: dir.appending("state")), spool: spool)
    }

    func remove() { dir.remove() }

    /// The file names in tmp/, new/ or cur/, sorted.
    func files(_ subdirectory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.appending("spool/\(subdirectory)"))) ?? []).sorted()
    }

    func path(_ subdirectory: String, _ name: String) -> String {
        dir.appending("spool/\(subdirectory)/\(name)")
    }

    /// A spool file's JSON object.
    func json(_ subdirectory: String, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(subdirectory, name)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every file in new/ is a whole JSON document (none partial), and no two hold the same
    /// content hash within one scope.
    func expectNewIsWholeAndUnique(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var hashes = Set<String>()
        for name in files("new") {
            let object = try json("new", name)
            let hash = try #require(object["contentHash"] as? String, sourceLocation: sourceLocation)
            #expect(hashes.insert(hash).inserted, "two files hold \(hash)", sourceLocation: sourceLocation)
        }
    }

    func move(_ name: String, from: String, to: String, as newName: String? = nil) throws {
        try FileManager.default.moveItem(atPath: path(from, name), toPath: path(to, newName ?? name))
    }
}

/// An entry with its contract hash computed as the parser would.
func makeEntry(id: String, title: String, text: String, link: String? = nil) -> Entry {
    Entry(id: id, title: title, link: link ?? "https://example.org/\(id)", text: text,
          contentHash: ContentHash.compute(title: title, text: text, fallbackLink: link ?? "https://example.org/\(id)"))
}

func makeFeed(_ entries: [Entry], title: String = "Example feed") -> ParsedFeed {
    ParsedFeed(feed: Feed(title: title, link: "https://example.org/", format: .rss20), entries: entries)
}

let sampleFetchTime = Date(timeIntervalSince1970: 1_795_000_000)
