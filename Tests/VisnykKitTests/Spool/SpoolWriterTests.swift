import Foundation
import Testing
@testable import VisnykKit

@Suite struct SpoolWriterTests {
    @Test func createsTheMaildirDirectories() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let spool = try SpoolWriter(directory: dir.appending("spool/deep"), format: .json, host: "box")
        for sub in ["tmp", "new", "cur"] {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: dir.appending("spool/deep/\(sub)"), isDirectory: &isDirectory) && isDirectory.boolValue)
        }
        // Opening an existing spool again is fine.
        _ = try SpoolWriter(directory: spool.directory, format: .eml)
    }

    @Test func fileNamesFollowTheContractWithTheHostEscapedAsMaildirRequires() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let hash = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
        let json = try SpoolWriter(directory: dir.path, format: .json, host: "mail.example.org")
        #expect(json.fileName(seconds: 1_795_000_000, contentHash: hash) == "1795000000.0123456789abcdef.mail.example.org.json")
        let eml = try SpoolWriter(directory: dir.path, format: .eml, host: "odd/host:name")
        #expect(eml.fileName(seconds: 7, contentHash: hash) == "7.0123456789abcdef.odd\\057host\\072name.eml")
        #expect(eml.mailDomain == "localhost")
        #expect(json.mailDomain == "mail.example.org")
        #expect(try SpoolWriter(directory: dir.path, format: .json).host == SpoolHost.fileNamePart(SpoolHost.current()))
    }

    @Test func temporaryFileIsExclusiveWrittenWholeAndPublished() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let spool = try SpoolWriter(directory: dir.path, format: .json, host: "h")
        let file = try #require(try spool.createTemporary("1.a.h.json"))
        #expect(try spool.createTemporary("1.a.h.json") == nil)
        try file.finish(Array("{\"id\":\"x\"}\n".utf8))
        #expect(!spool.isDelivered("1.a.h.json"))
        #expect(try spool.temporaryFiles().map(\.name) == ["1.a.h.json"])
        try spool.publish("1.a.h.json")
        try spool.syncNew()
        #expect(spool.isDelivered("1.a.h.json"))
        #expect(try String(contentsOfFile: spool.newPath("1.a.h.json"), encoding: .utf8) == "{\"id\":\"x\"}\n")
        #expect(try spool.temporaryFiles().isEmpty)

        let dropped = try #require(try spool.createTemporary("2.b.h.json"))
        dropped.abandon()
        #expect(try spool.temporaryFiles().isEmpty)
    }

    @Test func spoolDirectoryThatIsAFileIsAClearError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.appending("spool")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        do {
            _ = try SpoolWriter(directory: file, format: .json)
            Issue.record("a file accepted as the spool directory")
        } catch {
            #expect(error.path.hasPrefix(file))
            #expect(error.description.contains("spool_dir must be a directory"))
        }
    }
}
