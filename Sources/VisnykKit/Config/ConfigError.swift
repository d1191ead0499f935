/// Everything wrong with a configuration file, found in one pass: each problem names the
/// file, the line (and column for syntax errors) and the key, and says what to do.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    public init(_ problem: ConfigProblem) {
        self.problems = [problem]
    }

    /// One problem per line, in file order: `file:line: key: message`.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// One thing wrong in a configuration file.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file as named by the caller.
    public var file: String
    /// 1-based; nil when the problem is with the file as a whole (it cannot be read).
    public var line: Int?
    /// 1-based; only TOML syntax errors have one.
    public var column: Int?
    /// The key as a path: "interval", "source.name", "mail"; nil for syntax errors.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, key: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}
