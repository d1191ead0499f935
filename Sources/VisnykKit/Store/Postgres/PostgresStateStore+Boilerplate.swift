import Foundation
import NIOCore
import PostgresNIO

/// Each source's boilerplate learner, as in SQLite (StateStore+Boilerplate): its window of
/// samples (BYTEA) and the learned lines, prefixes and headings (one per text line).
extension PostgresStateStore {
    /// The learner of source `name` as last saved; a fresh one for a source never saved, or
    /// whose window cannot be read back (it learns again from the next entries).
    public func boilerplateLearner(forSource name: String) throws(StoreError) -> BoilerplateLearner {
        let rows = try session.withConnection { link throws(StoreError) in
            let result = try link.query("SELECT samples, lines, prefixes, headings FROM boilerplate WHERE source = $1",
                                        Binds { $0.add(Self.storable(name)) }.bindings)
            return try decodeRows(result, as: { row in try row.decode((Data, String, String, String).self) })
        }
        guard let (samples, lines, prefixes, headings) = rows.first,
              let window = BoilerplateWindow(encoded: [UInt8](samples)) else { return BoilerplateLearner() }
        func list(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
        let learned = LearnedBoilerplate(lines: list(lines), prefixes: list(prefixes), headings: list(headings))
        return BoilerplateLearner(window: window, learned: learned)
    }

    /// Saves the learner of source `name` (its window and learned set) in one statement.
    public func save(_ learner: BoilerplateLearner, forSource name: String) throws(StoreError) {
        // Normalized lines hold no line breaks (white space collapsed to one space).
        let learned = learner.learned
        var binds = PostgresBindings()
        binds.append(Self.storable(name))
        binds.append(ByteBuffer(bytes: learner.window.encoded))
        binds.append(Self.storable(learned.lines.joined(separator: "\n")))
        binds.append(Self.storable(learned.prefixes.joined(separator: "\n")))
        binds.append(Self.storable(learned.headings.joined(separator: "\n")))
        try session.withConnection { link throws(StoreError) in
            _ = try link.execute("""
                INSERT INTO boilerplate (source, samples, lines, prefixes, headings) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (source) DO UPDATE SET samples = excluded.samples, lines = excluded.lines,
                    prefixes = excluded.prefixes, headings = excluded.headings
                """, binds)
        }
    }

    /// Forgets what was learned of a source that is no longer configured.
    public func removeBoilerplate(forSource name: String) throws(StoreError) {
        try session.withConnection { link throws(StoreError) in
            _ = try link.execute("DELETE FROM boilerplate WHERE source = $1", Binds { $0.add(Self.storable(name)) }.bindings)
        }
    }
}
