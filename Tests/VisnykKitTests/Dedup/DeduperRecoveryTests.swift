import Foundation
import Testing
@testable import VisnykKit

/// Each crash point of the spool protocol, rebuilt on disk as a crash would leave it, then a
/// restart: recover() must leave every article in new/ exactly once, whole.
@Suite struct DeduperRecoveryTests {
    let source = ArticleSource(name: "A", dedup: .global)
    let stories = (1...3).map {
        makeEntry(id: "s-\($0)", title: "Новина \($0)", text: "Текст новини номер \($0), достатньо довгий, щоб не додавати посилання.")
    }

    @Test func crashWhileWritingLeavesUnrecordedFilesThatAreDeletedAndFetchedAgain() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        // A whole file and a partial one in tmp/, neither recorded (the crash came before the commit).
        let whole = h.spool.fileName(seconds: 1_795_000_000, contentHash: stories[0].contentHash)
        let partial = h.spool.fileName(seconds: 1_795_000_000, contentHash: stories[1].contentHash)
        let document = SpoolDocument(entry: stories[0], feed: makeFeed([]).feed, source: "A", fetchedAt: sampleFetchTime)
        try Data(document.bytes(format: .json, domain: "test.host")).write(to: URL(fileURLWithPath: h.path("tmp", whole)))
        try Data(#"{"id":"s-2","title":"Нов"#.utf8).write(to: URL(fileURLWithPath: h.path("tmp", partial)))
        try Data("stray".utf8).write(to: URL(fileURLWithPath: h.path("tmp", "unrelated-file")))

        let deduper = try h.restarted()
        #expect(try deduper.recover() == RecoveryReport(discarded: 3))
        #expect(h.files("tmp").isEmpty && h.files("new").isEmpty)
        // The source's validators were not saved, so the feed comes again: nothing is lost.
        let outcome = try deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime + 30)
        #expect(outcome.new == 3 && h.files("new").count == 3)
        try h.expectNewIsWholeAndUnique()
    }

    @Test func crashAfterTheCommitBeforeAnyRenameIsFinishedByRecovery() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let outcome = try h.deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime)
        // Committed, not renamed: every file still in tmp/.
        for name in outcome.files { try h.move(name, from: "new", to: "tmp") }

        let deduper = try h.restarted()
        #expect(try deduper.recover() == RecoveryReport(finished: 3))
        #expect(h.files("new") == outcome.files.sorted() && h.files("tmp").isEmpty)
        let again = try deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime + 30)
        #expect(again == AcceptOutcome(duplicates: 3))
        try h.expectNewIsWholeAndUnique()
    }

    @Test func crashInTheMiddleOfTheRenamesIsFinishedByRecovery() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let outcome = try h.deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime)
        try h.move(outcome.files[1], from: "new", to: "tmp")
        try h.move(outcome.files[2], from: "new", to: "tmp")

        let deduper = try h.restarted()
        #expect(try deduper.recover() == RecoveryReport(finished: 2))
        #expect(h.files("new").count == 3 && h.files("tmp").isEmpty)
        try h.expectNewIsWholeAndUnique()
    }

    @Test func tmpCopiesOfFilesAlreadyDeliveredAreLeftovers() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let outcome = try h.deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime)
        // One still in new/, one read and flagged by a mail client in cur/, one plainly in cur/;
        // each with a copy left in tmp/.
        try h.move(outcome.files[1], from: "new", to: "cur", as: outcome.files[1] + ":2,S")
        try h.move(outcome.files[2], from: "new", to: "cur")
        for (name, subdirectory) in zip(outcome.files, ["new", "cur", "cur"]) {
            let stored = subdirectory == "new" || name == outcome.files[2] ? name : name + ":2,S"
            try FileManager.default.copyItem(atPath: h.path(subdirectory, stored), toPath: h.path("tmp", name))
        }

        let deduper = try h.restarted()
        #expect(try deduper.recover() == RecoveryReport(leftovers: 3))
        #expect(h.files("tmp").isEmpty && h.files("new") == [outcome.files[0]] && h.files("cur").count == 2)
    }

    @Test func recordedFileThatAConsumerDeletedNeedsNothing() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let outcome = try h.deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime)
        for name in outcome.files { try FileManager.default.removeItem(atPath: h.path("new", name)) }

        let deduper = try h.restarted()
        #expect(try deduper.recover().isEmpty)
        #expect(try deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime + 30) == AcceptOutcome(duplicates: 3))
        #expect(h.files("new").isEmpty && h.files("tmp").isEmpty)
    }

    @Test func emptyFileUnderARecordedNameWasNeverWrittenAndIsDeleted() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let outcome = try h.deduper.accept(makeFeed([stories[0]]), from: source, fetchedAt: sampleFetchTime)
        let name = outcome.files[0]
        try FileManager.default.removeItem(atPath: h.path("new", name))
        // A racing writer had created tmp/<name> (O_EXCL, still empty) when the process died.
        try Data().write(to: URL(fileURLWithPath: h.path("tmp", name)))

        let deduper = try h.restarted()
        #expect(try deduper.recover() == RecoveryReport(discarded: 1))
        #expect(h.files("new").isEmpty && h.files("tmp").isEmpty)
    }

    @Test func cleanSpoolNeedsNoRecovery() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        _ = try h.deduper.accept(makeFeed(stories), from: source, fetchedAt: sampleFetchTime)
        #expect(try h.deduper.recover().isEmpty)
        #expect(h.files("new").count == 3)
    }

    @Test func anEditCommittedButNotRenamedIsFinishedAsAnUpdate() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        _ = try h.deduper.accept(makeFeed([stories[0]]), from: source, fetchedAt: sampleFetchTime)
        var edited = stories[0]
        edited.text += " Оновлено."
        edited.contentHash = ContentHash.compute(title: edited.title, text: edited.text, fallbackLink: edited.link)
        let update = try h.deduper.accept(makeFeed([edited]), from: source, fetchedAt: sampleFetchTime + 60)
        try h.move(update.files[0], from: "new", to: "tmp")

        let deduper = try h.restarted()
        #expect(try deduper.recover() == RecoveryReport(finished: 1))
        #expect(try h.json("new", update.files[0])["updates"] as? String == stories[0].contentHash)
        #expect(try deduper.accept(makeFeed([edited]), from: source, fetchedAt: sampleFetchTime + 90) == AcceptOutcome(duplicates: 1))
    }

    @Test func recoveryLeavesTmpAloneWhileAnotherWriterIsAlive() throws {
        let h = try SpoolHarness()
        defer { h.remove() }
        let name = h.spool.fileName(seconds: 1_795_000_000, contentHash: stories[0].contentHash)
        try Data("in flight".utf8).write(to: URL(fileURLWithPath: h.path("tmp", name)))
        do {
            let other = try SpoolWriter(directory: h.spool.directory, format: .json, host: "test.host")
            defer { withExtendedLifetime(other) {} }
            #expect(try h.deduper.recover() == RecoveryReport(skipped: true))
            #expect(try Deduper(store: h.store, spool: other).recover().skipped)
            #expect(h.files("tmp") == [name])
            // Both may still write meanwhile.
            #expect(try Deduper(store: h.store, spool: other).accept(makeFeed([stories[1]]), from: source, fetchedAt: sampleFetchTime).new == 1)
        }
        #expect(try h.deduper.recover() == RecoveryReport(discarded: 1))
        #expect(h.files("tmp").isEmpty && h.files("new").count == 1)
        // The lock is shared again after recovery: another writer may open the spool.
        _ = try SpoolWriter(directory: h.spool.directory, format: .json, host: "test.host")
    }
}
