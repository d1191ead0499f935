import Foundation

/// Dates as found in feeds: parsing every real-world variant, and formatting for the article
/// contract. Works on UTF-8 bytes with integer calendar arithmetic (no `DateFormatter`,
/// `Calendar` or regex), because a feed can hold thousands of dates.
public enum FeedDate {
    /// Parses a date as found in feeds; nil when it cannot be understood (the caller warns and omits it, never uses "now").
    ///
    /// Strict RFC 3339 / ISO 8601 is tried first (`ISO8601DateParser`), then the lenient
    /// RFC 822 family reader (`TextualDateParser`); their docs list what each accepts.
    /// Missing zone means UTC; missing time means midnight; out-of-range fields mean nil.
    public static func parse(_ text: String) -> Date? {
        let seconds = text.utf8.withContiguousStorageIfAvailable { secondsSince1970(utf8: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { secondsSince1970(utf8: $0) }
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }

    /// RFC 3339 in UTC with `Z`, whole seconds: "2025-04-23T09:00:00Z".
    public static func format(_ date: Date) -> String {
        RFC3339Formatter.format(secondsSince1970: date.timeIntervalSince1970)
    }

    /// Longest input considered; real dates are far shorter, and this bounds the work per call.
    static let maximumLength = 1024

    /// `parse` for callers that already hold the bytes (the XML layer), sparing a `String`.
    static func secondsSince1970(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let trimmed = trimmingSpaces(bytes)
        guard !trimmed.isEmpty, trimmed.count <= maximumLength else { return nil }
        if trimmed.count >= 4, trimmed.prefix(4).allSatisfy(DateByteScanner.isDigit),
           let fields = ISO8601DateParser.parse(trimmed) {
            return fields.secondsSince1970()
        }
        return TextualDateParser.parse(trimmed)?.secondsSince1970()
    }

    private static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end {
            if DateByteScanner.isASCIISpace(bytes[start]) { start += 1; continue }
            let unicodeSpace = DateByteScanner(UnsafeBufferPointer(rebasing: bytes[start..<end])).unicodeSpaceLength()
            guard unicodeSpace > 0 else { break }
            start += unicodeSpace
        }
        while end > start {
            if DateByteScanner.isASCIISpace(bytes[end - 1]) { end -= 1; continue }
            if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2; continue }
            if end - start >= 3, DateByteScanner(UnsafeBufferPointer(rebasing: bytes[(end - 3)..<end]))
                .unicodeSpaceLength() == 3 {
                end -= 3
                continue
            }
            break
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
