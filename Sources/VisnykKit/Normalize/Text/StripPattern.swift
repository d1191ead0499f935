import Foundation

/// One configured boilerplate `strip` pattern (DESIGN.md, content hash step 2).
public struct StripPattern: Sendable {
    private enum Matcher: Sendable {
        case literal(normalized: String)
        case regex(NSRegularExpression)
    }

    /// The pattern as configured.
    public let spec: String
    private let matcher: Matcher

    /// "/regex/" (optionally "/regex/i", case-insensitive) is a regular expression matched
    /// against each line with its surrounding white space trimmed; anything else is a literal:
    /// a line containing it (compared after TextNormalizer.normalize of both, so typographic
    /// variants, case and spacing do not matter) is removed. Throws `StripPatternError` for a
    /// bad regular expression, and for a pattern that is empty after normalization (it would
    /// remove every line).
    public init(_ spec: String) throws {
        self.spec = spec
        if let (source, ignoresCase) = Self.regexSource(of: spec) {
            guard !source.isEmpty else {
                throw StripPatternError(pattern: spec, reason: "the regular expression is empty")
            }
            do {
                matcher = .regex(try NSRegularExpression(
                    pattern: String(source), options: ignoresCase ? [.caseInsensitive] : []))
            } catch {
                // Foundation's error carries no detail beyond "the value is invalid".
                throw StripPatternError(
                    pattern: spec,
                    reason: "\"\(source)\" is not a valid regular expression (ICU syntax)")
            }
        } else {
            let normalized = TextNormalizer.normalize(spec)
            guard !normalized.isEmpty else {
                throw StripPatternError(pattern: spec, reason: "the pattern is empty")
            }
            matcher = .literal(normalized: normalized)
        }
    }

    /// Whether `line` is boilerplate by this pattern.
    public func matches(line: Substring) -> Bool {
        switch matcher {
        case .literal:
            return matches(line: line, normalizedLine: TextNormalizer.normalize(String(line)))
        case .regex:
            return matches(line: line, normalizedLine: "")
        }
    }

    /// `matches(line:)` with the line's normalization computed once for all patterns.
    func matches(line: Substring, normalizedLine: String) -> Bool {
        switch matcher {
        case .literal(let normalized):
            return Self.contains(normalizedLine, normalized)
        case .regex(let regex):
            let subject = String(Self.trimmingWhiteSpace(line))
            let range = NSRange(subject.startIndex..., in: subject)
            return regex.firstMatch(in: subject, range: range) != nil
        }
    }

    var isLiteral: Bool {
        if case .literal = matcher { return true }
        return false
    }

    /// The source and case-insensitivity of a "/…/" or "/…/i" spec; nil for a literal.
    private static func regexSource(of spec: String) -> (Substring, Bool)? {
        guard spec.hasPrefix("/"), spec.count >= 2 else { return nil }
        if spec.hasSuffix("/i"), spec.count >= 3 {
            return (spec.dropFirst().dropLast(2), true)
        }
        if spec.hasSuffix("/") {
            return (spec.dropFirst().dropLast(), false)
        }
        return nil
    }

    /// Byte-wise substring search; both are normalized UTF-8, so a match of whole scalars.
    private static func contains(_ haystack: String, _ needle: String) -> Bool {
        let haystack = Array(haystack.utf8)
        let needle = Array(needle.utf8)
        guard needle.count <= haystack.count, let first = needle.first else {
            return needle.isEmpty
        }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first,
               haystack[start..<(start + needle.count)].elementsEqual(needle) {
                return true
            }
            start += 1
        }
        return false
    }

    private static func trimmingWhiteSpace(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !TypographicVariants.isWhiteSpace($0.value) }),
              let last = scalars.lastIndex(where: { !TypographicVariants.isWhiteSpace($0.value) })
        else { return line[line.endIndex...] }
        return Substring(scalars[first...last])
    }
}
