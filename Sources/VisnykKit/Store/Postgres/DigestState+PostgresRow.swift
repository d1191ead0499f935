import Foundation
import PostgresNIO

/// The `digest_state` row of a DigestState in PostgreSQL: the columns of the SQLite row
/// (DigestState+Row), dates as Unix seconds in DOUBLE PRECISION.
extension DigestState {
    static let postgresSelectSQL = "SELECT \(columns.joined(separator: ", ")) FROM digest_state"

    /// Every column as given, but the cursor only forwards.
    static let postgresSaveSQL: String = {
        let updates = columns.dropFirst().map { column in
            column == "cursor" ? "cursor = greatest(digest_state.cursor, excluded.cursor)" : "\(column) = excluded.\(column)"
        }
        let placeholders = columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        return "INSERT INTO digest_state (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (name) DO UPDATE SET \(updates.joined(separator: ", "))"
    }()

    /// Decodes a row of `postgresSelectSQL`.
    init(postgresRow row: PostgresRow) throws {
        let (name, cursor, lastSlot, lastDeliveredAt, lastMessageID, lastArticleCount, deliveries, failures,
             failingSince, lastError, nextAttemptAt) = try row.decode(
                (String, Int64, Double?, Double?, String?, Int, Int, Int, Double?, String?, Double?).self)
        self.init(name: name, cursor: cursor)
        self.lastSlot = lastSlot.map(Date.init(timeIntervalSince1970:))
        self.lastDeliveredAt = lastDeliveredAt.map(Date.init(timeIntervalSince1970:))
        self.lastMessageID = lastMessageID
        self.lastArticleCount = lastArticleCount
        self.deliveries = deliveries
        self.failures = failures
        self.failingSince = failingSince.map(Date.init(timeIntervalSince1970:))
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt.map(Date.init(timeIntervalSince1970:))
    }

    /// The values in the order of `columns`.
    var postgresBindings: PostgresBindings {
        var binds = PostgresBindings()
        binds.append(name)
        binds.append(cursor)
        binds.append(lastSlot?.timeIntervalSince1970)
        binds.append(lastDeliveredAt?.timeIntervalSince1970)
        binds.append(lastMessageID)
        binds.append(Int64(lastArticleCount))
        binds.append(Int64(deliveries))
        binds.append(Int64(failures))
        binds.append(failingSince?.timeIntervalSince1970)
        binds.append(lastError)
        binds.append(nextAttemptAt?.timeIntervalSince1970)
        return binds
    }
}
