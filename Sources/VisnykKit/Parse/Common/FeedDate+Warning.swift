import Foundation

extension FeedDate {
    /// The date, or nil with a warning naming `place` (an element, a JSON field) and the
    /// line: an unreadable date is left out, never replaced by "now".
    static func parse(_ raw: String, in place: String, line: Int? = nil, warnings: inout [String]) -> Date? {
        if let date = parse(raw) { return date }
        let prefix = line.map { "line \($0): " } ?? ""
        warnings.append(prefix + "could not understand the date \"\(raw.prefix(80))\" in \(place); it is left out")
        return nil
    }
}
