import Foundation
import VisnykKit

/// What `visnyk poll` shows: on a terminal one live line ("[12/40] 7 new, 1 failed — name")
/// with failures and new articles printed above it; otherwise one plain line per poll.
final class PollProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int?
    private let live = isatty(STDOUT_FILENO) == 1
    private var done = 0
    private var newArticles = 0
    private var nearDuplicates = 0
    private var failed = 0

    init(total: Int?) {
        self.total = total
    }

    func show(_ report: PollReport) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if case .fetched(let accepted) = report.outcome {
            newArticles += accepted.new + accepted.updates
            nearDuplicates += accepted.nearDuplicates
        }
        if report.isFailure { failed += 1 }
        let stamp = Self.clock()
        var lines = report.warnings.map { "\(stamp) \(report.source): warning: \($0)" }
        if let moved = report.relinkedTo { lines.append("\(stamp) \(report.source): moved permanently to \(moved)") }
        guard live else {
            lines.append("\(stamp) \(report.summary)")
            Console.out(lines.joined(separator: "\n") + "\n")
            return
        }
        if report.isFailure || report.summary.contains("retired") || Self.isNews(report) {
            lines.append("\(stamp) \(report.summary)")
        }
        let counter = total.map { "[\(done)/\($0)]" } ?? "[\(done)]"
        let status = "\(counter) \(newArticles) new, \(failed) failed — \(report.source)"
        let above = lines.map { "\r\u{1B}[K" + $0 + "\n" }.joined()
        Console.out(above + "\r\u{1B}[K" + String(status.prefix(Self.width)))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        let near = nearDuplicates > 0 ? " (\(nearDuplicates) near-duplicate\(nearDuplicates == 1 ? "" : "s") of earlier stories)" : ""
        let summary = "\(done) sources polled, \(newArticles) new articles\(near), \(failed) failed"
        Console.out(live ? "\r\u{1B}[K" + summary + "\n" : summary + "\n")
    }

    private static func isNews(_ report: PollReport) -> Bool {
        if case .fetched(let accepted) = report.outcome { return accepted.new + accepted.updates > 0 }
        return false
    }

    private static let width = 100
    /// The local time as HH:MM:SS, from libc: with one line per poll and 10,000 sources, an
    /// ICU DateFormatter call per line is work the progress output need not do.
    private static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return two(parts.tm_hour) + ":" + two(parts.tm_min) + ":" + two(parts.tm_sec)
    }
}
