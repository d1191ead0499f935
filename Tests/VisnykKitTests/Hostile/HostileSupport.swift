import Foundation
@testable import VisnykKit
#if canImport(Glibc)
import Glibc
#endif

/// Measuring what a hostile input costs: peak resident memory and wall time.
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
