/// An entry the Deduper cannot file, or a spool name it cannot find.
public struct DedupError: Error, CustomStringConvertible, Sendable, Equatable {
    public var source: String
    public var entryID: String
    public var problem: String

    public var description: String {
        "Cannot spool entry \(entryID) of source \(source): \(problem)."
    }
}
