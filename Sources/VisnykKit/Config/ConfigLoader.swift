import Foundation
import TOMLKit

/// Reads and validates the TOML configuration (DESIGN.md, "Configuration"): every problem in
/// the file is reported together, each naming file, line and key.
public enum ConfigLoader {
    /// Larger files are surely not configurations.
    static let maximumFileSize = 16 << 20

    /// Reads the file at `path` (relative paths are taken from the working directory).
    public static func load(path: String) throws(ConfigError) -> VisnykConfig {
        let text = try read(path: path)
        return try parse(text, path: path)
    }

    /// `load`, then what only makes sense for `visnyk check`: that every `file` source exists
    /// and is a readable file now (the daemon reports a missing file as a failed poll), and
    /// the files that digests and [mail] name (`mailFileProblems`).
    public static func check(path: String) throws(ConfigError) -> VisnykConfig {
        let text = try read(path: path)
        let config = try parse(text, path: path)
        let keyLines = TOMLKeyLines(text: text)
        var problems: [ConfigProblem] = []
        // The file loaded, so every [[source]] became a SourceConfig, in order.
        for (index, source) in config.sources.enumerated() {
            guard case .file(let file) = source.location else { continue }
            var isDirectory: ObjCBool = false
            let message: String?
            if !FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) {
                message = "\(file) does not exist: fix the path (relative paths are relative to this config file)"
            } else if isDirectory.boolValue {
                message = "\(file) is a directory: name a feed file"
            } else if !FileManager.default.isReadableFile(atPath: file) {
                message = "\(file) cannot be read: check its permissions"
            } else {
                message = nil
            }
            if let message {
                problems.append(ConfigProblem(file: path, line: keyLines.line(of: [.key("source"), .index(index), .key("file")]), key: "source.file", message: message))
            }
        }
        problems += mailFileProblems(config, file: path, keyLines: keyLines)
        guard problems.isEmpty else {
            throw ConfigError(problems: problems.enumerated()
                .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
                .map(\.element))
        }
        return config
    }

    /// Parses `text` as the configuration file `path` (for messages and relative paths).
    public static func parse(_ text: String, path: String) throws(ConfigError) -> VisnykConfig {
        let absolutePath = ConfigPath.absolute(path, relativeTo: FileManager.default.currentDirectoryPath)
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].count(where: { $0 == UInt8(ascii: "\n") }) + 1
            throw ConfigError(ConfigProblem(file: path, line: line, key: nil, message: "the file contains a NUL byte: it is not a text file"))
        }
        let keyLines = TOMLKeyLines(text: text)
        if let trap = keyLines.trap {
            throw ConfigError(ConfigProblem(
                file: path, line: trap.line, column: trap.column, key: nil, message: "TOML syntax error: \(trap.message)"))
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(ConfigProblem(
                file: path, line: error.source.begin.line, column: error.source.begin.column, key: nil,
                message: "TOML syntax error: \(error.description)"))
        } catch {
            throw ConfigError(ConfigProblem(file: path, line: nil, key: nil, message: "TOML syntax error: \(error)"))
        }
        var reader = ConfigReader(file: path, directory: ConfigPath.directory(of: absolutePath), keyLines: keyLines)
        let config = reader.read(root, path: absolutePath)
        guard reader.problems.isEmpty else {
            throw ConfigError(problems: reader.problems.enumerated()
                .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
                .map(\.element))
        }
        return config
    }

    private static func read(path: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(ConfigProblem(file: path, line: nil, key: nil, message: "the file does not exist: pass --config FILE, or create it (see config/visnyk.example.toml)"))
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(ConfigProblem(file: path, line: nil, key: nil, message: "this is a directory: name the configuration file itself"))
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw ConfigError(ConfigProblem(file: path, line: nil, key: nil, message: "the file cannot be read (\(error.localizedDescription)): check its permissions"))
        }
        guard data.count <= maximumFileSize else {
            throw ConfigError(ConfigProblem(file: path, line: nil, key: nil, message: "the file is larger than 16 MiB: it is not a Visnyk configuration"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(ConfigProblem(file: path, line: nil, key: nil, message: "the file is not valid UTF-8: save it as UTF-8"))
        }
        return text
    }
}
