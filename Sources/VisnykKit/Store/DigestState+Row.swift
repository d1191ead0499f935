import Foundation
import GRDB

/// The `digest_state` row of a DigestState; dates as Unix seconds (REAL), like `sources`.
extension DigestState {
    static let columns = [
        "name", "cursor", "lastSlot", "lastDeliveredAt", "lastMessageID", "lastArticleCount",
        "deliveries", "failures", "failingSince", "lastError", "nextAttemptAt",
    ]

    static let selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM digest_state"

    /// Every column as given, but the cursor only forwards.
    static let saveSQL: String = {
        let updates = columns.dropFirst().map { column in
            column == "cursor" ? "cursor = MAX(cursor, excluded.cursor)" : "\(column) = excluded.\(column)"
        }
        return "INSERT INTO digest_state (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ")
            + ") ON CONFLICT (name) DO UPDATE SET \(updates.joined(separator: ", "))"
    }()

    /// Decodes a row of `selectSQL`.
    init(row: Row) {
        self.init(name: row[0], cursor: row[1])
        lastSlot = Self.date(row[2])
        lastDeliveredAt = Self.date(row[3])
        lastMessageID = row[4]
        lastArticleCount = row[5]
        deliveries = row[6]
        failures = row[7]
        failingSince = Self.date(row[8])
        lastError = row[9]
        nextAttemptAt = Self.date(row[10])
    }

    /// The values in the order of `columns`.
    var databaseValues: StatementArguments {
        [
            name, cursor, lastSlot?.timeIntervalSince1970, lastDeliveredAt?.timeIntervalSince1970,
            lastMessageID, lastArticleCount, deliveries, failures, failingSince?.timeIntervalSince1970,
            lastError, nextAttemptAt?.timeIntervalSince1970,
        ]
    }

    private static func date(_ seconds: Double?) -> Date? {
        seconds.map { Date(timeIntervalSince1970: $0) }
    }
}
