import Foundation
import Testing
@testable import VisnykKit

/// One table row: a date as a feed writes it and the UTC instant it means.
struct DateCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String

    init(_ input: String, _ expected: String) {
        self.input = input
        self.expected = expected
    }

    var testDescription: String { "\(input.debugDescription) → \(expected)" }

    /// The parsed instant written back in the contract's format, or "nil".
    var actual: String {
        FeedDate.parse(input).map(FeedDate.format) ?? "nil"
    }
}
