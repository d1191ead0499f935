/// A digest whose schedule cannot be computed. The config loader refuses all of these, so
/// this is seen only with a DigestConfig built in code.
public struct DigestScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not a zone this system's time zone data knows.
        case unknownTimeZone(String)
        case noTimes
        case noDays
    }

    public var digest: String
    public var reason: Reason

    public init(digest: String, reason: Reason) {
        self.digest = digest
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unknownTimeZone(let identifier):
            "digest \"\(digest)\": \"\(identifier)\" is not a time zone: set timezone to an IANA zone name, like \"Europe/Kyiv\""
        case .noTimes:
            "digest \"\(digest)\": no time of day: set at, like at = \"07:30\""
        case .noDays:
            "digest \"\(digest)\": days names no day: remove days to send every day, or name some"
        }
    }
}
