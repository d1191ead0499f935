/// Durations as the configuration writes them: a number and a unit, `"90s"`, `"15m"`, `"2h"`,
/// `"1d"`, or several together, `"1h30m"`. A bare number is refused: "30" could mean seconds
/// or minutes, and guessing wrong would poll a server sixty times too often.
public enum DurationText {
    private static let units: [(suffix: Character, seconds: Int64, name: String)] = [
        ("s", 1, "seconds"), ("m", 60, "minutes"), ("h", 3_600, "hours"), ("d", 86_400, "days"),
    ]
    /// Ten years; longer values are surely typos, and the sum cannot overflow.
    private static let maximumSeconds: Int64 = 10 * 366 * 86_400

    /// The duration written in `text`, or a message saying what is wrong and what to write.
    public static func parse(_ text: String) -> Result<Duration, DurationTextError> {
        let trimmed = text.trimmingWhiteSpace()
        guard !trimmed.isEmpty else { return .failure(.init("the duration is empty: write it like \"15m\"")) }
        if trimmed.allSatisfy(\.isASCIIDigit) {
            return .failure(.init("\"\(text)\" has no unit: write \"\(trimmed)s\" for seconds or \"\(trimmed)m\" for minutes (units: s, m, h, d)"))
        }
        var total: Int64 = 0
        var digits = ""
        var sawComponent = false
        for character in trimmed {
            if character.isASCIIDigit {
                digits.append(character)
                guard digits.count <= 12 else { return .failure(tooLong(text)) }
            } else if character == " " && digits.isEmpty {
                continue
            } else if let unit = units.first(where: { $0.suffix == character }) {
                guard let value = Int64(digits) else {
                    return .failure(.init("\"\(text)\" has a unit \"\(character)\" without a number before it: write it like \"15m\" or \"1h30m\""))
                }
                total += value * unit.seconds
                guard total <= maximumSeconds else { return .failure(tooLong(text)) }
                digits = ""
                sawComponent = true
            } else {
                return .failure(.init("\"\(text)\" is not a duration: write a number and a unit, s, m, h or d, like \"90s\", \"15m\", \"2h\", \"1d\" or \"1h30m\""))
            }
        }
        guard digits.isEmpty, sawComponent else {
            return .failure(.init("\"\(text)\" ends with \"\(digits)\" without a unit: add s, m, h or d"))
        }
        return .success(.seconds(total))
    }

    /// The shortest text that `parse` reads back: "1h30m", "90d", "45s".
    public static func format(_ duration: Duration) -> String {
        var seconds = duration.components.seconds
        guard seconds > 0 else { return "0s" }
        var text = ""
        for unit in units.reversed() where seconds >= unit.seconds {
            text += "\(seconds / unit.seconds)\(unit.suffix)"
            seconds %= unit.seconds
        }
        return text
    }

    private static func tooLong(_ text: String) -> DurationTextError {
        .init("\"\(text)\" is longer than ten years: use a shorter duration")
    }
}

/// Why a duration could not be read, in words for the user.
public struct DurationTextError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension String {
    func trimmingWhiteSpace() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map(index(after:)) ?? start
        return self[start..<end]
    }
}
