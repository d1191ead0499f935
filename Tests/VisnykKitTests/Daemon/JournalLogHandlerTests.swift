import Foundation
import Logging
import Testing
@testable import VisnykKit
#if canImport(Glibc)
import Glibc
#endif

/// The handler writes to a real file descriptor (a temp file); `$JOURNAL_STREAM` is made to
/// match, or not, that file's device and inode.
@Suite struct JournalLogHandlerTests {
    final class LogFile {
        let path: String
        let fd: Int32

        init() {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)").path
            fd = open(path, O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0o600)
        }

        deinit {
            close(fd)
            unlink(path)
        }

        var journalStream: String {
            var status = stat()
            fstat(fd, &status)
            return "\(status.st_dev):\(status.st_ino)"
        }

        var contents: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    }

    func logger(_ file: LogFile, environment: [String: String], level: Logger.Level = .trace) -> Logger {
        Logger(label: "visnyk.test") { label in
            JournalLogHandler(label: label, logLevel: level, fileDescriptor: file.fd, environment: environment)
        }
    }

    @Test func journalModeHasPriorityPrefixesAndNoTimestamps() {
        let file = LogFile()
        let log = logger(file, environment: ["JOURNAL_STREAM": file.journalStream])
        log.trace("t")
        log.debug("d")
        log.info("i")
        log.notice("n")
        log.warning("w")
        log.error("e")
        log.critical("c")
        #expect(file.contents == """
            <7>trace [visnyk.test] t
            <7>debug [visnyk.test] d
            <6>info [visnyk.test] i
            <5>notice [visnyk.test] n
            <4>warning [visnyk.test] w
            <3>error [visnyk.test] e
            <2>critical [visnyk.test] c

            """)
    }

    @Test(arguments: [nil, "1:2", "garbage", "", "12345"])
    func otherwiseTimestampsAndNoPrefixes(journalStream: String?) throws {
        let file = LogFile()
        var environment: [String: String] = [:]
        environment["JOURNAL_STREAM"] = journalStream
        let handler = JournalLogHandler(label: "l", fileDescriptor: file.fd, environment: environment)
        #expect(!handler.isJournal)
        var log = Logger(label: "l") { _ in handler }
        log.logLevel = .info
        log.warning("careful")
        let line = file.contents
        let regex = try Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z warning \[l\] careful\n$"#)
        #expect(line.wholeMatch(of: regex) != nil, "\(line)")
    }

    @Test func streamOfAnotherDescriptorIsNotTheJournal() {
        let journal = LogFile()
        let stderrFile = LogFile()
        #expect(!JournalLogHandler.isJournalStream(fileDescriptor: stderrFile.fd,
                                                   environment: ["JOURNAL_STREAM": journal.journalStream]))
        #expect(!JournalLogHandler.isJournalStream(fileDescriptor: -1,
                                                   environment: ["JOURNAL_STREAM": journal.journalStream]))
    }

    @Test func metadataIsSortedKeyValueAndQuotedWhenNeeded() {
        let file = LogFile()
        var log = logger(file, environment: ["JOURNAL_STREAM": file.journalStream])
        log[metadataKey: "source"] = "kyiv news"
        log.info("polled", metadata: ["status": "304", "new": "0", "error": "a \"quoted\" word"])
        #expect(file.contents
            == "<6>info [visnyk.test] polled error=\"a \\\"quoted\\\" word\" new=0 source=\"kyiv news\" status=304\n")
    }

    @Test func messagesStayOnOneLine() {
        let file = LogFile()
        let log = logger(file, environment: ["JOURNAL_STREAM": file.journalStream])
        log.error("line one\nline two\u{1B}[31m", metadata: ["k": "a\nb"])
        #expect(file.contents == "<3>error [visnyk.test] line one\\nline two\\x1b[31m k=a\\nb\n")
    }

    @Test func levelFilteringIsTheLoggers() {
        let file = LogFile()
        let log = logger(file, environment: ["JOURNAL_STREAM": file.journalStream], level: .notice)
        log.info("hidden")
        log.notice("shown")
        #expect(file.contents == "<5>notice [visnyk.test] shown\n")
    }

    @Test func writingToAClosedDescriptorDoesNotCrash() {
        let handler = JournalLogHandler(label: "x", fileDescriptor: 9999, environment: [:])
        Logger(label: "x") { _ in handler }.error("nobody hears this")
    }
}
