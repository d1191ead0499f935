import Foundation
import Testing
@testable import VisnykKit

/// XXE and external DTDs: nothing from the local file system or the network may reach the
/// output, and the parser must not even try to connect.
@Suite struct ExternalEntityTests {
    /// Distinctive lines of the files the fixtures point at (the host name, root's passwd entry).
    private func secrets() throws -> [String] {
        var values: [String] = []
        if let host = try? String(contentsOfFile: "/etc/hostname", encoding: .utf8) {
            let name = host.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.count >= 3 { values.append(name) }
        }
        values.append("root:x:0:0")
        values.append("/bin/sh")
        values.append("/usr/sbin/nologin")
        return values
    }

    private func expectNoSecrets(_ parsed: ParsedFeed, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let output = ParseFixture.allOutput(parsed)
        for secret in try secrets() {
            #expect(!output.contains(secret), "\(secret) leaked into the output", sourceLocation: sourceLocation)
        }
    }

    @Test func systemEntityPointingAtLocalFiles() throws {
        let result = HostileSupport.parse(try Fixture.bytes("hostile/xxe-file.xml"))
        if case .success(let parsed) = result {
            try expectNoSecrets(parsed)
            #expect(parsed.feed.title?.hasPrefix("XXE") == true)
            #expect(parsed.entries.count == 1)
            #expect(parsed.entries.first?.id == "xxe-1")
        }
    }

    @Test func parameterEntitiesPointingAtLocalFiles() throws {
        let result = HostileSupport.parse(try Fixture.bytes("hostile/xxe-parameter.xml"))
        if case .success(let parsed) = result {
            try expectNoSecrets(parsed)
            #expect(parsed.entries.first?.title == "Entry")
        }
    }

    @Test func externalDTDIsNeverRead() throws {
        let parsed = try ParseFixture.parse("hostile/external-dtd.xml")
        try expectNoSecrets(parsed)
        #expect(parsed.feed.title == "External DTD")
        #expect(parsed.entries.count == 1)
    }

    @Test func systemEntityOverHTTPMakesNoConnection() throws {
        let sentinel = try #require(LoopbackSentinel())
        let url = "http://127.0.0.1:\(sentinel.port)/xxe.txt"
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY remote SYSTEM "\(url)">]>
            <rss version="2.0"><channel><title>Remote &remote;</title>
            <item><title>r</title><description>&remote;</description></item></channel></rss>
            """
        let result = HostileSupport.parse(xml)
        #expect(!sentinel.wasContacted(), "the parser connected to \(url)")
        if case .success(let parsed) = result {
            #expect(parsed.feed.title?.hasPrefix("Remote") == true)
            #expect(!ParseFixture.allOutput(parsed).contains("127.0.0.1"))
        }
    }

    @Test func externalDTDOverHTTPMakesNoConnection() throws {
        let sentinel = try #require(LoopbackSentinel())
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:\(sentinel.port)/rss.dtd">
            <rss version="2.0"><channel><title>DTD</title><item><title>&custom;</title></item></channel></rss>
            """
        let result = HostileSupport.parse(xml)
        #expect(!sentinel.wasContacted())
        if case .success(let parsed) = result {
            #expect(parsed.feed.title == "DTD")
        }
    }

    @Test func entityOnAPortNobodyListensOnFinishesQuickly() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY remote SYSTEM "http://127.0.0.1:1/">]>
            <rss version="2.0"><channel><title>&remote;Port one</title><item><title>x</title></item></channel></rss>
            """
        let run = HostileSupport.measure { HostileSupport.parse(xml) }
        #expect(run.seconds < 5)
        if case .success(let parsed) = run.result {
            #expect(parsed.feed.title?.contains("Port one") == true)
            #expect(!ParseFixture.allOutput(parsed).contains("127.0.0.1"))
        }
    }

    @Test func internalEntitiesAreNotExpandedIntoText() throws {
        // Even harmless internal entities are not expanded (the parser records no
        // declarations); what matters is that the rest of the document is read.
        let parsed = try ParseFixture.parse("hostile/xxe-file.xml")
        let title = try #require(parsed.entries.first?.title)
        #expect(title.hasPrefix("Item"))
    }
}
