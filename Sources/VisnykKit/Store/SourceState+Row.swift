import Foundation
import GRDB

/// The `sources` table row of a SourceState. Dates are stored as Unix seconds (REAL), so that
/// `sqlite3` and other readers of the file need no knowledge of GRDB's date format.
extension SourceState {
    static let columns = [
        "name", "currentURL", "etag", "lastModified", "nextPollAt", "lastPollAt", "lastSuccessAt",
        "lastStatus", "lastError", "consecutiveFailures", "failingSince", "retired",
        "newCount", "duplicateCount", "updateCount", "pollCount", "notModifiedCount", "lastWarning",
        "telegramLastPost",
    ]

    /// The columns in the order of `columns`, so that rows are decoded by position.
    static let selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM sources"

    /// Decodes a row of `selectSQL`.
    init(row: Row) {
        self.init(name: row[0])
        currentURL = row[1]
        etag = row[2]
        lastModified = row[3]
        nextPollAt = Self.date(row[4])
        lastPollAt = Self.date(row[5])
        lastSuccessAt = Self.date(row[6])
        lastStatus = row[7]
        lastError = row[8]
        consecutiveFailures = row[9]
        failingSince = Self.date(row[10])
        retired = row[11]
        newCount = row[12]
        duplicateCount = row[13]
        updateCount = row[14]
        pollCount = row[15]
        notModifiedCount = row[16]
        lastWarning = row[17]
        telegramLastPost = row[18]
    }

    /// The values in the order of `columns`.
    var databaseValues: StatementArguments {
        [
            name, currentURL, etag, lastModified, nextPollAt?.timeIntervalSince1970,
            lastPollAt?.timeIntervalSince1970, lastSuccessAt?.timeIntervalSince1970, lastStatus,
            lastError, consecutiveFailures, failingSince?.timeIntervalSince1970, retired,
            newCount, duplicateCount, updateCount, pollCount, notModifiedCount, lastWarning,
            telegramLastPost,
        ]
    }

    private static func date(_ seconds: Double?) -> Date? {
        seconds.map { Date(timeIntervalSince1970: $0) }
    }
}
