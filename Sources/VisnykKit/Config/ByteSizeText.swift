/// Sizes as the configuration writes them: `"16MiB"`, `"512KiB"`, `"1GiB"` (powers of 1024),
/// `"500KB"`, `"2MB"`, `"1GB"` (powers of 1000), `"100B"`, or a plain number of bytes.
public enum ByteSizeText {
    private static let units: [(suffix: String, factor: Int)] = [
        ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30),
        ("kb", 1_000), ("mb", 1_000_000), ("gb", 1_000_000_000),
        ("b", 1), ("", 1),
    ]

    /// The number of bytes written in `text`, or a message saying what to write.
    public static func parse(_ text: String) -> Result<Int, ByteSizeTextError> {
        let trimmed = text.trimmingWhiteSpace()
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        let suffix = trimmed.dropFirst(digits.count).trimmingPrefixWhiteSpace().lowercased()
        guard !digits.isEmpty, let unit = units.first(where: { $0.suffix == suffix }) else {
            return .failure(.init("\"\(text)\" is not a size: write a number and a unit, like \"16MiB\", \"512KiB\", \"1GiB\" or \"500KB\""))
        }
        guard digits.count <= 12, let value = Int(digits), value <= Int.max / unit.factor else {
            return .failure(.init("\"\(text)\" is far too large"))
        }
        return .success(value * unit.factor)
    }

    /// "16 MiB", "512 KiB", "1500 bytes": binary units when the size is a whole multiple.
    public static func format(_ bytes: Int) -> String {
        for (suffix, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor) \(suffix)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}

/// Why a size could not be read, in words for the user.
public struct ByteSizeTextError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Substring {
    func trimmingPrefixWhiteSpace() -> Substring {
        drop(while: \.isWhitespace)
    }
}
