import Foundation
import Testing
@testable import VisnykKit

@Suite(.serialized) struct EntityExpansionTests {
    @Test func billionLaughsFinishesQuicklyWithoutExpansion() throws {
        let bytes = try Fixture.bytes("hostile/billion-laughs.xml")
        let run = HostileSupport.measure { HostileSupport.parse(bytes) }
        #expect(run.seconds < 5)
        #expect(run.peakGrowth < 64 << 20, "expansion would need gigabytes")
        if case .success(let parsed) = run.result {
            #expect(parsed.json.utf8.count < 100_000)
            #expect(!parsed.json.contains("lollollol"))
        }
    }

    @Test func quadraticBlowupFinishesQuickly() {
        // One 50 KB entity referenced 50 000 times: 2.5 GB if expanded.
        let value = String(repeating: "a", count: 50_000)
        let references = String(repeating: "&big;", count: 50_000)
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(value)\">]>"
            + "<rss version=\"2.0\"><channel><title>Q</title><item><title>q</title><description>\(references)</description></item></channel></rss>"
        let run = HostileSupport.measure { HostileSupport.parse(xml) }
        #expect(run.seconds < 10)
        #expect(run.peakGrowth < HostileSupport.memoryBound)
        if case .success(let parsed) = run.result {
            #expect(parsed.json.utf8.count < 10 << 20)
        }
    }
}
