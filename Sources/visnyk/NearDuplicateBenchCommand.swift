import ArgumentParser
import Foundation
import VisnykKit

/// `visnyk bench-neardup` (hidden; run by bench/neardup): fills a near-duplicate index with
/// synthetic articles, all inside one 72-hour window, and times inserts and lookups at each size.
struct NearDuplicateBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-neardup",
        abstract: "Time the near-duplicate index at growing sizes (for bench/neardup).",
        shouldDisplay: false
    )

    @Option(help: "Index sizes, comma-separated.")
    var sizes = "10000,100000,1000000"

    @Option(help: "Lookups timed at each size: half rewrites of indexed articles, half new stories.")
    var queries = 2000

    func run() throws {
        let sizes = try self.sizes.split(separator: ",").map { text in
            guard let size = Int(text.trimmingCharacters(in: .whitespaces)), size > 0 else {
                throw ValidationError("--sizes takes positive whole numbers separated by commas, not \"\(text)\"")
            }
            return size
        }
        guard queries > 1 else { throw ValidationError("--queries takes a number of at least 2") }
        print("size\tinsert_cpu_us\tquery_cpu_us\tquery_wall_us\tfound_rewrites\tfalse_matches\tindexed")
        for size in sizes {
            let row = measure(size: size)
            print("\(size)\t\(row.insert)\t\(row.query)\t\(row.queryWall)\t\(row.found)/\(queries / 2)\t\(row.falseMatches)\t\(row.indexed)")
        }
    }

    struct Row {
        var insert = "", query = "", queryWall = ""
        var found = 0, falseMatches = 0, indexed = 0
    }

    private func measure(size: Int) -> Row {
        var index = NearDuplicateIndex()
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let step = Double(71 * 3600) / Double(size)
        var insertCPU = 0.0
        for number in 0..<size {
            let text = SyntheticArticles.article(number)
            let before = CPUClock.seconds()
            index.insert(id: String(number), text: text, time: start.addingTimeInterval(Double(number) * step))
            insertCPU += CPUClock.seconds() - before
        }
        let end = start.addingTimeInterval(71 * 3600)
        var texts: [(text: String, original: Int?)] = []
        for query in 0..<queries {
            let original = Int(SyntheticArticles.mix(UInt64(query) ^ 0xABCD) % UInt64(size))
            texts.append(query % 2 == 0
                ? (SyntheticArticles.rewrite(of: original), original)
                : (SyntheticArticles.article(size + 1_000_000 + query), nil))
        }
        var row = Row()
        let wallStart = ContinuousClock.now
        let cpuStart = CPUClock.seconds()
        var results: [[NearDuplicateMatch]] = []
        results.reserveCapacity(texts.count)
        for (text, _) in texts {
            results.append(index.matches(text, time: end))
        }
        let queryCPU = CPUClock.seconds() - cpuStart
        let wall = ContinuousClock.now - wallStart
        for (query, matches) in zip(texts, results) {
            if let original = query.original, matches.first?.id == String(original) { row.found += 1 }
            row.falseMatches += matches.filter { $0.id != query.original.map(String.init) }.count
        }
        let micro = { (seconds: Double, count: Int) in String(format: "%.2f", seconds * 1e6 / Double(count)) }
        row.insert = micro(insertCPU, size)
        row.query = micro(queryCPU, texts.count)
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
        row.queryWall = micro(wallSeconds, texts.count)
        row.indexed = index.count
        return row
    }
}

/// Process CPU time (user + system): the machine is shared, so wall time says less.
enum CPUClock {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
