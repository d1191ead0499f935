import Foundation
import GRDB
import PostgresNIO

extension StateMigrationCopy {
    /// near_articles with their ids, and from each one's `bands` (little-endian UInt32 band
    /// keys) its rows of near_bands, which PostgreSQL keeps as rows only. A batch of bands is
    /// sent once its articles are in (the foreign key).
    mutating func copyNearDuplicates(_ db: Database) throws {
        let columns: [StateMigrationTable.Column] = [
            .init("id", .integer, ids: .nearArticle), .init("story", .bytes), .init("time", .integer), .init("shingles", .bytes),
        ]
        let conflict = merge ? " ON CONFLICT DO NOTHING" : ""
        let articlesBefore = try count("near_articles")
        let bandsBefore = try count("near_bands")
        // Merging the same state twice indexes no article twice.
        var articles = StateMigrationBatch(link: link, table: "near_articles", columns: columns, conflict: conflict,
                                           filter: merge ? "NOT EXISTS (SELECT 1 FROM near_articles t WHERE t.story = v.story AND t.time = v.time AND t.shingles = v.shingles)" : nil,
                                           rowsPerStatement: rowsPerStatement)
        var bands = StateMigrationBatch(link: link, table: "near_bands", columns: [.init("key", .integer), .init("article", .integer)],
                                        conflict: conflict,
                                        filter: merge ? "EXISTS (SELECT 1 FROM near_articles t WHERE t.id = v.article)" : nil,
                                        rowsPerStatement: rowsPerStatement)
        var waiting: [(article: Int64, keys: [UInt32])] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, story, time, shingles, bands FROM near_articles ORDER BY id")
        while let row = try rows.next() {
            for (index, column) in columns.enumerated() {
                try append(row[index], column, table: "near_articles", to: &articles.bindings)
            }
            let id: Int64 = row[0]
            let blob: DatabaseValue = row[4]
            guard case .blob(let data) = blob.storage, data.count % 4 == 0 else {
                throw StateMigrationError.unreadableValue(path: sqlitePath, table: "near_articles", column: "bands",
                                                          value: Self.describe(blob))
            }
            waiting.append((id + (offsets[.nearArticle] ?? 0), Self.bandKeys(data)))
            if try articles.endRow() {
                try send(&waiting, into: &bands)
            }
        }
        try articles.flush()
        try send(&waiting, into: &bands)
        try bands.flush()
        try verify("near_articles", read: articles.read, written: articles.written, before: articlesBefore)
        try verify("near_bands", read: bands.read, written: bands.written, before: bandsBefore)
    }

    private func send(_ waiting: inout [(article: Int64, keys: [UInt32])], into bands: inout StateMigrationBatch) throws {
        for (article, keys) in waiting {
            for key in keys {
                bands.bindings.append(Int64(key))
                bands.bindings.append(article)
                try bands.endRow()
            }
        }
        waiting.removeAll(keepingCapacity: true)
    }

    /// The distinct band keys of a `bands` blob (two bands may share a key; near_bands holds
    /// it once per article).
    static func bandKeys(_ data: Data) -> [UInt32] {
        var keys = Set<UInt32>()
        var index = data.startIndex
        while index + 4 <= data.endIndex {
            keys.insert(UInt32(data[index]) | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2]) << 16 | UInt32(data[index + 3]) << 24)
            index += 4
        }
        return keys.sorted()
    }
}
