/// An OPML file that cannot be imported at all, naming the file and saying what to do.
public struct OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        "\(file)" + (line.map { ":\($0)" } ?? "") + ": \(problem)"
    }
}
