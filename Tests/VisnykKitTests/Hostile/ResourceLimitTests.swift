import Foundation
import Testing
@testable import VisnykKit

/// Inputs built to exhaust the stack, memory or time. Each must end in an error or a sane
/// result, quickly and within a bounded amount of memory. Serialized so that the peak-RSS
/// measurements do not see each other.
@Suite(.serialized) struct ResourceLimitTests {
    static let depth = 100_000

    private func expectBounded<T>(_ run: (result: T, peakGrowth: Int, seconds: Double),
                                  seconds limit: Double = 20, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(run.seconds < limit, "took \(run.seconds) s", sourceLocation: sourceLocation)
        #expect(run.peakGrowth < HostileSupport.memoryBound, "peak RSS grew by \(run.peakGrowth >> 20) MiB",
                sourceLocation: sourceLocation)
    }

    // Deep XML nesting has crashed the process (stack overflow), so these run in a child
    // process: a crash fails the test instead of taking the whole test run down.

    @Test func deeplyNestedElementsInsideADescription() async {
        await #expect(processExitsWith: .success) {
            let depth = ResourceLimitTests.depth
            let xml = ParseFixture.rss(items: "<item><title>deep</title><description>"
                + String(repeating: "<div>", count: depth) + "core" + String(repeating: "</div>", count: depth)
                + "</description></item><item><title>after</title></item>")
            let run = HostileSupport.measure { HostileSupport.parse(xml) }
            HostileSupport.exitUnlessBounded(run)
            if case .success(let parsed) = run.result, parsed.feed.title != "T" { exit(3) }
        }
    }

    @Test func deeplyNestedElementsAtTopLevel() async {
        await #expect(processExitsWith: .success) {
            let depth = ResourceLimitTests.depth
            let xml = String(repeating: "<rss>", count: depth) + String(repeating: "</rss>", count: depth)
            let run = HostileSupport.measure { HostileSupport.parse(xml) }
            HostileSupport.exitUnlessBounded(run)
            if case .success(let parsed) = run.result, parsed.entries.count > 10 { exit(3) }
        }
    }

    @Test func deeplyNestedElementsInsideTheChannel() async {
        await #expect(processExitsWith: .success) {
            let depth = ResourceLimitTests.depth
            let xml = "<rss version=\"2.0\"><channel><title>C</title>" + String(repeating: "<x>", count: depth)
                + String(repeating: "</x>", count: depth) + "<item><title>i</title></item></channel></rss>"
            let run = HostileSupport.measure { HostileSupport.parse(xml) }
            HostileSupport.exitUnlessBounded(run)
        }
    }

    @Test func deeplyNestedUnclosedElements() async {
        await #expect(processExitsWith: .success) {
            let xml = "<rss version=\"2.0\"><channel><title>U</title>" + String(repeating: "<x>", count: ResourceLimitTests.depth)
            HostileSupport.exitUnlessBounded(HostileSupport.measure { HostileSupport.parse(xml) })
        }
    }

    @Test func moderatelyNestedXHTMLContent() async {
        // 10 000 levels: deep enough to overflow a recursive walk on an 8 MiB stack.
        await #expect(processExitsWith: .success) {
            let depth = 10_000
            let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>X</title><entry><id>1</id><title>x</title>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + String(repeating: "<span>", count: depth) + "core" + String(repeating: "</span>", count: depth)
                + "</div></content></entry></feed>"
            let run = HostileSupport.measure { HostileSupport.parse(xml) }
            HostileSupport.exitUnlessBounded(run)
        }
    }

    @Test func deeplyNestedJSON() {
        let json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[{\"id\":\"1\",\"x\":"
            + String(repeating: "[", count: Self.depth) + String(repeating: "]", count: Self.depth) + "}]}"
        let run = HostileSupport.measure { HostileSupport.parse(Array(json.utf8)) }
        expectBounded(run)
        if case .success(let parsed) = run.result {
            #expect(parsed.feed.title == "J")
        }
    }

    @Test func hugeTitle() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Big</title><item><title>".utf8)
        let pattern = Array("Дуже довгий заголовок ".utf8)
        bytes.reserveCapacity(21 << 20)
        while bytes.count < 20 << 20 { bytes += pattern }
        bytes += Array("</title><guid isPermaLink=\"false\">huge</guid></item><item><title>small</title></item></channel></rss>".utf8)
        let run = HostileSupport.measure { HostileSupport.parse(bytes) }
        expectBounded(run, seconds: 30)
        let parsed = try run.result.get()
        #expect(parsed.feed.title == "Big")
        #expect(parsed.entries.count == 2)
        let title = try #require(parsed.entries.first?.title)
        #expect(title.hasPrefix("Дуже довгий заголовок"))
        #expect(title.utf8.count <= 21 << 20)
        #expect(parsed.entries.last?.title == "small")
    }

    @Test func manyItems() throws {
        var xml = "<rss version=\"2.0\"><channel><title>Many</title>"
        for i in 0..<50_000 { xml += "<item><title>Item \(i)</title><guid>g\(i)</guid><description>Text \(i)</description></item>" }
        xml += "</channel></rss>"
        let run = HostileSupport.measure { HostileSupport.parse(xml) }
        expectBounded(run, seconds: 30)
        let parsed = try run.result.get()
        #expect(parsed.entries.count == 50_000)
        #expect(parsed.entries.last?.id == "g49999")
    }

    @Test func documentOverTheSizeLimitIsRefused() {
        var bytes = Array(ParseFixture.rss(items: "").utf8)
        bytes += [UInt8](repeating: 0x20, count: FeedParser.maximumDocumentSize + 1 - bytes.count)
        #expect(bytes.count == 64 << 20 + 1)
        guard case .tooLarge(let size, let limit)? = ParseFixture.failure(bytes) else {
            Issue.record("a document over 64 MiB must be refused as tooLarge")
            return
        }
        #expect(size == bytes.count)
        #expect(limit == 64 << 20)
        let message = FeedParseError(input: "big.xml", reason: .tooLarge(bytes: size, limit: limit)).description
        #expect(message.hasPrefix("big.xml: "))
        #expect(message.contains("64 MiB"))
    }

    @Test func documentAtTheSizeLimitIsRead() throws {
        var bytes = Array(ParseFixture.rss(items: "<item><title>edge</title></item>").utf8)
        bytes += [UInt8](repeating: 0x0A, count: FeedParser.maximumDocumentSize - bytes.count)
        let run = HostileSupport.measure { HostileSupport.parse(bytes) }
        expectBounded(run, seconds: 30)
        #expect(try run.result.get().entries.first?.title == "edge")
    }
}
