import Foundation
import PostgresNIO

/// The `sources` row of a SourceState in PostgreSQL: the columns and values of the SQLite row
/// (SourceState+Row), dates as Unix seconds in DOUBLE PRECISION.
extension SourceState {
    /// `SELECT` of every column, in the order of `columns`.
    static let postgresSelectSQL = "SELECT \(columns.joined(separator: ", ")) FROM sources"

    /// Inserts or replaces every column of one state.
    static let postgresSaveSQL: String = {
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let placeholders = columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        return "INSERT INTO sources (\(columns.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (name) DO UPDATE SET \(updates)"
    }()

    /// Decodes a row of `postgresSelectSQL`.
    init(postgresRow row: PostgresRow) throws {
        let (name, currentURL, etag, lastModified, nextPollAt, lastPollAt, lastSuccessAt, lastStatus, lastError,
             consecutiveFailures, failingSince, retired, newCount, duplicateCount, updateCount, pollCount,
             notModifiedCount, lastWarning, telegramLastPost) = try row.decode(
                (String, String?, String?, String?, Double?, Double?, Double?, Int?, String?,
                 Int, Double?, Bool, Int, Int, Int, Int, Int, String?, Int?).self)
        self.init(name: name)
        self.currentURL = currentURL
        self.etag = etag
        self.lastModified = lastModified
        self.nextPollAt = nextPollAt.map(Date.init(timeIntervalSince1970:))
        self.lastPollAt = lastPollAt.map(Date.init(timeIntervalSince1970:))
        self.lastSuccessAt = lastSuccessAt.map(Date.init(timeIntervalSince1970:))
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.failingSince = failingSince.map(Date.init(timeIntervalSince1970:))
        self.retired = retired
        self.newCount = newCount
        self.duplicateCount = duplicateCount
        self.updateCount = updateCount
        self.pollCount = pollCount
        self.notModifiedCount = notModifiedCount
        self.lastWarning = lastWarning
        self.telegramLastPost = telegramLastPost
    }

    /// The values in the order of `columns` (text from servers and feeds without NUL).
    var postgresBindings: PostgresBindings {
        var binds = PostgresBindings()
        binds.append(name)
        binds.append(PostgresStateStore.storable(currentURL))
        binds.append(PostgresStateStore.storable(etag))
        binds.append(PostgresStateStore.storable(lastModified))
        binds.append(nextPollAt?.timeIntervalSince1970)
        binds.append(lastPollAt?.timeIntervalSince1970)
        binds.append(lastSuccessAt?.timeIntervalSince1970)
        binds.append(lastStatus.map(Int64.init))
        binds.append(PostgresStateStore.storable(lastError))
        binds.append(Int64(consecutiveFailures))
        binds.append(failingSince?.timeIntervalSince1970)
        binds.append(retired)
        binds.append(Int64(newCount))
        binds.append(Int64(duplicateCount))
        binds.append(Int64(updateCount))
        binds.append(Int64(pollCount))
        binds.append(Int64(notModifiedCount))
        binds.append(PostgresStateStore.storable(lastWarning))
        binds.append(telegramLastPost.map(Int64.init))
        return binds
    }
}
