/// A digest that cannot be collected, in plain words naming the digest and what to change.
public struct DigestCollectionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var digest: String
    public var problem: String

    public init(digest: String, problem: String) {
        self.digest = digest
        self.problem = problem
    }

    public var description: String {
        "The digest \"\(digest)\" cannot be collected: \(problem)."
    }
}
