import Foundation
import GRDB

/// The `sources` table row of a SourceState. Dates are stored as Unix seconds (REAL), so that
/// `sqlite3` and other readers of the file need no knowledge of GRDB's date format.
extension SourceState {
    static let columns = [
        "name", "currentURL", "etag", "lastModified", "nextPollAt", "lastPollAt", "lastSuccessAt",
        "lastStatus", "lastError", "consecutiveFailures", "failingSince", "retired",
        "newCount", "duplicateCount", "updateCount", "pollCount", "notModifiedCount", "lastWarning",
    ]

    init(row: Row) {
        self.init(name: row["name"])
        currentURL = row["currentURL"]
        etag = row["etag"]
        lastModified = row["lastModified"]
        nextPollAt = Self.date(row["nextPollAt"])
        lastPollAt = Self.date(row["lastPollAt"])
        lastSuccessAt = Self.date(row["lastSuccessAt"])
        lastStatus = row["lastStatus"]
        lastError = row["lastError"]
        consecutiveFailures = row["consecutiveFailures"]
        failingSince = Self.date(row["failingSince"])
        retired = row["retired"]
        newCount = row["newCount"]
        duplicateCount = row["duplicateCount"]
        updateCount = row["updateCount"]
        pollCount = row["pollCount"]
        notModifiedCount = row["notModifiedCount"]
        lastWarning = row["lastWarning"]
    }

    /// The values in the order of `columns`.
    var databaseValues: StatementArguments {
        [
            name, currentURL, etag, lastModified, nextPollAt?.timeIntervalSince1970,
            lastPollAt?.timeIntervalSince1970, lastSuccessAt?.timeIntervalSince1970, lastStatus,
            lastError, consecutiveFailures, failingSince?.timeIntervalSince1970, retired,
            newCount, duplicateCount, updateCount, pollCount, notModifiedCount, lastWarning,
        ]
    }

    private static func date(_ seconds: Double?) -> Date? {
        seconds.map { Date(timeIntervalSince1970: $0) }
    }
}
