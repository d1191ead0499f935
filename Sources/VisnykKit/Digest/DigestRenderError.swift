/// A digest template that cannot be used: which one, where in it, and what to do.
public struct DigestRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The configured template file does not exist (or is not a regular file).
        case missingFile
        /// The file exists but cannot be read, is too large or is not UTF-8.
        case unreadableFile
        /// The Mustache text does not parse.
        case syntax
        /// The subject template renders to nothing.
        case emptySubject
    }

    public var kind: Kind
    /// The template: a file path, "the subject template" or the bundled template's name.
    public var template: String
    /// 1-based position of a syntax error.
    public var line: Int?
    public var column: Int?
    /// Plain words: what is wrong and what to do.
    public var problem: String
    /// The `[[digest]]` the template belongs to, when known.
    public var digest: String?

    public init(kind: Kind, template: String, line: Int? = nil, column: Int? = nil,
                problem: String, digest: String? = nil) {
        self.kind = kind
        self.template = template
        self.line = line
        self.column = column
        self.problem = problem
        self.digest = digest
    }

    public var description: String {
        var place = template
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        let prefix = digest.map { "digest \"\($0)\": " } ?? ""
        return prefix + place + ": " + problem
    }
}
