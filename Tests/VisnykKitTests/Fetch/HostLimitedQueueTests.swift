import Testing
@testable import VisnykKit

@Suite("HostLimitedQueue: first come, first served under total and per-host limits")
struct HostLimitedQueueTests {
    private func drain(_ queue: inout HostLimitedQueue<String>, dead: Set<String> = []) -> [String] {
        var started: [String] = []
        while let entry = queue.next(isLive: { !dead.contains($0) }) { started.append(entry.item) }
        return started
    }

    @Test func startsInArrivalOrderUpToThePerHostLimit() {
        var queue = HostLimitedQueue<String>(totalLimit: 10, perHostLimit: 2)
        for (item, host) in [("a1", "a"), ("a2", "a"), ("a3", "a"), ("b1", "b"), ("a4", "a"), ("b2", "b")] {
            _ = queue.enqueue(item, host: host)
        }
        #expect(drain(&queue) == ["a1", "a2", "b1", "b2"])
        #expect(queue.runningCount == 4)
        queue.finished(host: "a")
        #expect(drain(&queue) == ["a3"])
        queue.finished(host: "b")
        #expect(drain(&queue).isEmpty)
        queue.finished(host: "a")
        #expect(drain(&queue) == ["a4"])
    }

    @Test func theTotalLimitReleasesTheOldestStartableFirst() {
        var queue = HostLimitedQueue<String>(totalLimit: 2, perHostLimit: 1)
        for (item, host) in [("a1", "a"), ("a2", "a"), ("b1", "b"), ("c1", "c"), ("b2", "b")] {
            _ = queue.enqueue(item, host: host)
        }
        #expect(drain(&queue) == ["a1", "b1"])
        queue.finished(host: "b")  // b2 is startable now, but c1 came first
        #expect(drain(&queue) == ["c1"])
        queue.finished(host: "a")
        #expect(drain(&queue) == ["a2"])
        queue.finished(host: "c")
        #expect(drain(&queue) == ["b2"])
    }

    @Test func aRequeuedItemKeepsItsPlaceAheadOfLaterArrivals() {
        var queue = HostLimitedQueue<String>(totalLimit: 1, perHostLimit: 1)
        let first = queue.enqueue("redirected", host: "a")
        _ = queue.enqueue("later", host: "b")
        #expect(drain(&queue) == ["redirected"])
        queue.finished(host: "a")
        queue.requeue("redirected", host: "b", sequence: first)
        #expect(drain(&queue) == ["redirected"])
        queue.finished(host: "b")
        #expect(drain(&queue) == ["later"])
    }

    @Test func deadItemsAreDroppedAndShutdownTakesTheRest() {
        var queue = HostLimitedQueue<String>(totalLimit: 1, perHostLimit: 1)
        for item in ["x1", "x2", "x3", "x4"] { _ = queue.enqueue(item, host: "x") }
        #expect(drain(&queue, dead: ["x1"]) == ["x2"])
        queue.finished(host: "x")
        #expect(drain(&queue, dead: ["x3"]) == ["x4"])
        _ = queue.enqueue("y1", host: "y")
        _ = queue.enqueue("x5", host: "x")
        #expect(queue.removeAllWaiting() == ["y1", "x5"])
        queue.finished(host: "x")
        #expect(drain(&queue).isEmpty)
    }

    @Test func tenThousandItemsForOneHostDrainInOrder() {
        var queue = HostLimitedQueue<Int>(totalLimit: 64, perHostLimit: 4)
        for index in 0..<10_000 { _ = queue.enqueue(index, host: "one") }
        var order: [Int] = []
        while order.count < 10_000 {
            while let entry = queue.next(isLive: { _ in true }) { order.append(entry.item) }
            queue.finished(host: "one")
        }
        #expect(order == Array(0..<10_000))
    }

    @Test(arguments: [
        ("http://Example.ORG/feed", "example.org"), ("https://u:p@example.org:8443/x?y#z", "example.org"),
        ("http://[::1]:8080/", "[::1]"), ("http://127.0.0.1:9/a", "127.0.0.1"), ("not a url", ""),
    ])
    func hostKeysIgnoreCaseUserinfoAndPort(url: String, host: String) {
        #expect(HostKey.of(url) == host)
    }
}
