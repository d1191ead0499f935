import Foundation

/// What `visnyk migrate-state` copied, table by table.
public struct StateMigrationReport: Sendable, Equatable {
    public struct Table: Sendable, Equatable {
        /// The PostgreSQL table.
        public var name: String
        /// Rows read from the SQLite state (for near_bands: the band keys of near_articles).
        public var read: Int
        /// Rows written to PostgreSQL; fewer than `read` only with --merge, where rows already
        /// there are kept.
        public var copied: Int

        public init(name: String, read: Int, copied: Int) {
            self.name = name
            self.read = read
            self.copied = copied
        }
    }

    /// The SQLite database file read.
    public var source: String
    /// The PostgreSQL database written, without password.
    public var target: String
    public var merged: Bool
    public var tables: [Table]

    public init(source: String, target: String, merged: Bool, tables: [Table]) {
        self.source = source
        self.target = target
        self.merged = merged
        self.tables = tables
    }

    /// The count copied into `table`, or nil when it was not copied.
    public func copied(_ table: String) -> Int? {
        tables.first { $0.name == table }?.copied
    }

    /// One line per table, for a terminal.
    public var text: String {
        let width = tables.map(\.name.count).max() ?? 0
        var lines = ["Copied \(source) into \(target)\(merged ? " (merged)" : ""):"]
        for table in tables {
            let name = table.name.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "  \(name)  \(table.copied)"
            if table.copied != table.read {
                line += " of \(table.read) (\(table.read - table.copied) already there)"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
