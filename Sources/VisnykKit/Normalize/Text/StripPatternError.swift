/// A configured `strip` pattern that cannot be used.
public struct StripPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as configured.
    public let pattern: String
    /// Why it was rejected (for a regular expression, the compiler's message).
    public let reason: String

    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    public var description: String {
        "invalid strip pattern \"\(pattern)\": \(reason)"
    }
}
