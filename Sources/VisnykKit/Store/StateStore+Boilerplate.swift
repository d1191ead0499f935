import Foundation
import GRDB

extension StateStore {
    /// The learner of source `name` as last saved; a fresh one for a source never saved, or
    /// whose window cannot be read back (it learns again from the next entries).
    public func boilerplateLearner(forSource name: String) throws(StoreError) -> BoilerplateLearner {
        try read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT samples, lines, prefixes, headings FROM boilerplate WHERE source = ?",
                arguments: [name]) else { return BoilerplateLearner() }
            let samples: Data = row["samples"]
            guard let window = BoilerplateWindow(encoded: [UInt8](samples)) else { return BoilerplateLearner() }
            func list(_ column: String) -> [String] {
                let text: String = row[column]
                return text.split(separator: "\n").map(String.init)
            }
            let learned = LearnedBoilerplate(lines: list("lines"), prefixes: list("prefixes"), headings: list("headings"))
            return BoilerplateLearner(window: window, learned: learned)
        }
    }

    /// Saves the learner of source `name` (its window and learned set) in one statement.
    public func save(_ learner: BoilerplateLearner, forSource name: String) throws(StoreError) {
        // Normalized lines hold no line breaks (white space collapsed to one space).
        let learned = learner.learned
        try write { db in
            try db.execute(sql: """
                INSERT INTO boilerplate (source, samples, lines, prefixes, headings) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET samples = excluded.samples, lines = excluded.lines,
                    prefixes = excluded.prefixes, headings = excluded.headings
                """, arguments: [name, Data(learner.window.encoded), learned.lines.joined(separator: "\n"),
                                 learned.prefixes.joined(separator: "\n"), learned.headings.joined(separator: "\n")])
        }
    }

    /// Forgets what was learned of a source that is no longer configured.
    public func removeBoilerplate(forSource name: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM boilerplate WHERE source = ?", arguments: [name])
        }
    }
}
