import Foundation
@testable import VisnykKit
#if canImport(Glibc)
import Glibc
#endif

/// Measuring what a hostile input costs (peak resident memory, wall time), and a loopback
/// listener that tells whether the parser tried to reach the network.
enum HostileSupport {
    /// Peak resident set size of this process so far, in bytes (ru_maxrss is in KiB on Linux).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    /// Generous: the point is "bounded", not "small"; other suites run in the same process.
    static let memoryBound = 1 << 30

    /// Runs `body`, returning its result, the growth of the peak RSS, and the seconds it took.
    static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, peakGrowth: Int, seconds: Double) {
        let before = peakResidentBytes()
        let start = ContinuousClock.now
        let result = try body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (result, peakResidentBytes() - before, seconds)
    }

    /// For exit tests (which run in a child process): exit 2 when the run was slow or big.
    static func exitUnlessBounded<T>(_ run: (result: T, peakGrowth: Int, seconds: Double), seconds limit: Double = 20) {
        if run.seconds >= limit || run.peakGrowth >= memoryBound { exit(2) }
    }

    /// `FeedParser.parse` as a Result, so that "an error or a sane result" can be checked.
    static func parse(_ bytes: [UInt8], contentType: String? = nil) -> Result<ParsedFeed, FeedParseError> {
        do {
            return .success(try FeedParser.parse(bytes, options: ParseOptions(contentType: contentType, inputName: "hostile")))
        } catch {
            return .failure(error)
        }
    }

    static func parse(_ string: String) -> Result<ParsedFeed, FeedParseError> {
        parse(Array(string.utf8))
    }
}

/// A TCP listener on 127.0.0.1 that nobody should ever connect to.
final class LoopbackSentinel {
    private let fd: Int32
    let port: UInt16

    init?() {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard bound == 0, named == 0, listen(fd, 8) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(fd) }

    /// True when a connection is waiting (someone connected since the listener opened).
    func wasContacted(waitingMilliseconds: Int32 = 200) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, waitingMilliseconds) > 0 && entry.revents & Int16(POLLIN) != 0
    }
}
