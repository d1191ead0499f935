import Foundation

/// How long a response says it stays fresh (RFC 9111 §4.2.1): Cache-Control max-age, else
/// Expires minus Date (or minus now). s-maxage is for shared caches, not us; no-cache and
/// no-store say nothing about freshness, so they give no hint at all.
enum HTTPCachingHint {
    /// Longer header values are not real caching headers; they are not read.
    static let maximumValueLength = 1024
    /// A year in seconds: longer freshness is clamped (the policy caps hints far lower anyway).
    static let longestSeconds: Int64 = 366 * 86_400

    static func freshness(_ headers: [(name: String, value: String)], now: Date) -> Duration? {
        var maxAge: Int64?
        var expires: String?
        var date: String?
        for header in headers where header.value.utf8.count <= maximumValueLength {
            switch header.name.lowercased() {
            case "cache-control":
                for directive in header.value.split(separator: ",") {
                    let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
                    if name == "no-cache" || name == "no-store" { return nil }
                    if name == "max-age", parts.count == 2, let seconds = deltaSeconds(parts[1]) {
                        maxAge = seconds
                    }
                }
            case "expires": expires = header.value
            case "date": date = header.value
            default: break
            }
        }
        if let maxAge { return .seconds(maxAge) }
        // An invalid Expires ("0", "-1") means already expired: no hint (RFC 9111 §5.3).
        guard let expires, let expiry = FeedDate.parse(expires) else { return nil }
        let origin = date.flatMap(FeedDate.parse) ?? now
        let seconds = expiry.timeIntervalSince(origin)
        guard seconds > 0 else { return nil }
        return .seconds(min(Int64(seconds.rounded(.down)), longestSeconds))
    }

    /// delta-seconds, optionally quoted (RFC 9111 §1.2.2); too large clamps to a year.
    private static func deltaSeconds(_ text: Substring) -> Int64? {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.count >= 2, digits.hasPrefix("\""), digits.hasSuffix("\"") {
            digits = String(digits.dropFirst().dropLast())
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        guard digits.utf8.count <= 12, let n = Int64(digits) else { return longestSeconds }
        return min(n, longestSeconds)
    }
}
