import Foundation
import GRDB
import NIOCore
import PostgresNIO

/// A table that `visnyk migrate-state` copies as it is: its columns have the same names in
/// SQLite and PostgreSQL (PostgresSchema mirrors StateStore+Migrations), each bound as the
/// PostgreSQL type of its column whatever SQLite's dynamic typing stored.
struct StateMigrationTable: Sendable {
    enum Kind: Sendable {
        case text, bytes, integer, real, boolean
    }

    /// The id spaces a merge moves past the ids already in the target, so that the copied
    /// rows keep pointing at each other (a delivery at its articles' seqs, a digest cursor at
    /// the seqs it delivered).
    enum IDSpace: Sendable, Hashable, CaseIterable {
        case queue, delivery, nearArticle

        var table: String {
            switch self {
            case .queue: "digest_queue"
            case .delivery: "digest_deliveries"
            case .nearArticle: "near_articles"
            }
        }

        var column: String {
            switch self {
            case .queue: "seq"
            case .delivery, .nearArticle: "id"
            }
        }
    }

    struct Column: Sendable {
        var name: String
        var kind: Kind
        var ids: IDSpace?

        init(_ name: String, _ kind: Kind, ids: IDSpace? = nil) {
            self.name = name
            self.kind = kind
            self.ids = ids
        }
    }

    let name: String
    let columns: [Column]
    /// The SQLite ORDER BY: the primary key, so that ids arrive in order.
    let order: String
    /// With --merge, the rows to copy (a condition on the new row `v`): for rows whose ids a
    /// merge moves, a key conflict cannot say they are there already, so that merging the same
    /// state twice queues no article twice.
    var mergeFilter: String?

    /// In the order their foreign keys need; near_articles is copied on its own (its bands
    /// become near_bands rows).
    static let copiedAsTheyAre: [StateMigrationTable] = [
        StateMigrationTable(name: "sources", columns: [
            Column("name", .text), Column("currentURL", .text), Column("etag", .text),
            Column("lastModified", .text), Column("nextPollAt", .real), Column("lastPollAt", .real),
            Column("lastSuccessAt", .real), Column("lastStatus", .integer), Column("lastError", .text),
            Column("consecutiveFailures", .integer), Column("failingSince", .real), Column("retired", .boolean),
            Column("newCount", .integer), Column("duplicateCount", .integer), Column("updateCount", .integer),
            Column("pollCount", .integer), Column("notModifiedCount", .integer), Column("lastWarning", .text),
            Column("telegramLastPost", .integer),
        ], order: "name"),
        StateMigrationTable(name: "seen", columns: [
            Column("scope", .text), Column("hash", .bytes), Column("firstSeen", .integer),
            Column("lastSeen", .integer), Column("source", .text), Column("entryID", .text),
            Column("spoolFile", .text),
        ], order: "scope, hash"),
        StateMigrationTable(name: "carriers", columns: [
            Column("scope", .text), Column("hash", .bytes), Column("source", .text), Column("firstSeen", .integer),
        ], order: "scope, hash, source"),
        StateMigrationTable(name: "entries", columns: [
            Column("source", .text), Column("entryID", .text), Column("hash", .bytes),
        ], order: "source, entryID"),
        StateMigrationTable(name: "seen_aliases", columns: [
            Column("scope", .text), Column("hash", .bytes), Column("target", .bytes),
        ], order: "scope, hash"),
        StateMigrationTable(name: "digest_queue", columns: [
            Column("seq", .integer, ids: .queue), Column("spooledAt", .integer), Column("source", .text),
            Column("spoolFile", .text), Column("hash", .bytes), Column("title", .text), Column("link", .text),
            Column("published", .real), Column("sameStoryAs", .bytes),
        ], order: "seq", mergeFilter: "NOT EXISTS (SELECT 1 FROM digest_queue t WHERE t.spoolFile = v.spoolFile)"),
        StateMigrationTable(name: "digest_state", columns: [
            Column("name", .text), Column("cursor", .integer, ids: .queue), Column("lastSlot", .real),
            Column("lastDeliveredAt", .real), Column("lastMessageID", .text), Column("lastArticleCount", .integer),
            Column("deliveries", .integer), Column("failures", .integer), Column("failingSince", .real),
            Column("lastError", .text), Column("nextAttemptAt", .real),
        ], order: "name"),
        StateMigrationTable(name: "digest_deliveries", columns: [
            Column("id", .integer, ids: .delivery), Column("digest", .text), Column("sentAt", .real),
            Column("messageID", .text), Column("recipients", .text), Column("slot", .real),
            Column("firstSeq", .integer, ids: .queue), Column("lastSeq", .integer, ids: .queue),
        ], order: "id", mergeFilter: "NOT EXISTS (SELECT 1 FROM digest_deliveries t WHERE t.digest = v.digest AND t.messageID = v.messageID)"),
        StateMigrationTable(name: "digest_delivered", columns: [
            Column("delivery", .integer, ids: .delivery), Column("seq", .integer, ids: .queue), Column("spoolFile", .text),
        ], order: "delivery, seq", mergeFilter: "EXISTS (SELECT 1 FROM digest_deliveries t WHERE t.id = v.delivery)"),
        StateMigrationTable(name: "boilerplate", columns: [
            Column("source", .text), Column("samples", .bytes), Column("lines", .text),
            Column("prefixes", .text), Column("headings", .text),
        ], order: "source"),
    ]

    var selectSQL: String {
        "SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(name) ORDER BY \(order)"
    }
}

extension StateMigrationTable.Kind {
    var postgresType: String {
        switch self {
        case .text: "text"
        case .bytes: "bytea"
        case .integer: "bigint"
        case .real: "double precision"
        case .boolean: "boolean"
        }
    }

    /// Appends `value` as this kind, `shift` added to an integer; false when the value cannot
    /// be one (text in an integer column, say), which SQLite allows and PostgreSQL does not.
    func append(_ value: DatabaseValue, shift: Int64, to bindings: inout PostgresBindings) -> Bool {
        switch (self, value.storage) {
        case (_, .null):
            bindings.appendNull()
        case (.text, .string(let text)):
            bindings.append(text)
        case (.bytes, .blob(let data)):
            bindings.append(ByteBuffer(bytes: data))
        case (.integer, .int64(let integer)):
            let (shifted, overflow) = integer.addingReportingOverflow(shift)
            guard !overflow else { return false }
            bindings.append(shifted)
        case (.integer, .double(let real)):
            guard let integer = Int64(exactly: real) else { return false }
            return append(integer.databaseValue, shift: shift, to: &bindings)
        case (.real, .double(let real)):
            bindings.append(real)
        case (.real, .int64(let integer)):
            bindings.append(Double(integer))
        case (.boolean, .int64(let integer)):
            bindings.append(integer != 0)
        default:
            return false
        }
        return true
    }
}
