import Testing
@testable import VisnykKit

@Suite("ConfigLoader robustness")
struct ConfigLoaderRobustnessTests {
    /// TOMLKit's toml++ asserts (aborts the process) on a few syntax errors, like `[[[a]]`,
    /// `a = [}]` and `a = 2025-04-23T_7:30:00`; the loader must catch them first. This test
    /// crashes if it does not.
    @Test("the inputs toml++ aborts on are reported as syntax errors with their line")
    func tomlTraps() {
        for (text, line) in [("[[[source]]\n", 1), ("a = 1\n[=]\n", 2), ("[ #x]\n", 1), ("[\n", 1),
                             ("a = [1,\n}]\n", 2), ("a = { b = [}] }\n", 1), ("a = 1979-05-27t:\n", 1),
                             ("a = [1979-05-27T_7:32:00Z]\n", 1)] {
            do {
                _ = try ConfigLoader.parse(text, path: "/t.toml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.problems.count == 1)
                #expect(error.problems.first?.line == line, "\(text)")
                #expect(error.description.contains("TOML syntax error"))
            }
        }
    }

    @Test("truncations and single-byte edits of a config load, or fail with lines inside the file")
    func mutations() throws {
        let text = try Fixture.string("config/full.toml")
            + "x = [1, 2.5, 0x1F, inf, true, 1979-05-27T07:32:00Z, 07:32:00, { y = [{ z = 1 }] }]\n[mail]\nq = '''\na\n'''\n"
        let bytes = Array(text.utf8)
        let lineCount = bytes.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let specials = Array("[]{}\"'=.,#\nT ".utf8)
        var variants: [[UInt8]] = []
        for index in bytes.indices {
            variants.append(Array(bytes[..<index]))
            // Every third byte keeps the run short; the random search that found the traps
            // covered far more (600,000 mutations).
            guard index % 3 == 0 else { continue }
            variants.append(Array(bytes[..<index] + bytes[(index + 1)...]))
            for special in specials {
                var replaced = bytes
                replaced[index] = special
                variants.append(replaced)
                var inserted = bytes
                inserted.insert(special, at: index)
                variants.append(inserted)
            }
        }
        var failures = 0
        for variant in variants {
            do {
                _ = try ConfigLoader.parse(String(decoding: variant, as: UTF8.self), path: "/m.toml")
            } catch {
                failures += 1
                #expect(!error.problems.isEmpty)
                for problem in error.problems where !(1...lineCount + 1).contains(problem.line ?? 0) {
                    Issue.record("line outside the file: \(problem)")
                }
            }
        }
        #expect(failures > variants.count / 2)
    }
}
