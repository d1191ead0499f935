import Foundation

/// A message as Python's `email` package reads it (`Servers/check_mail.py`): the independent
/// second opinion on what the composer wrote and the transports delivered.
struct CheckedMail: Decodable {
    struct Part: Decodable {
        var type: String
        var charset: String?
        var encoding: String?
        var content: String
    }

    struct Failed: Error, CustomStringConvertible { var description: String }

    var headers: [String: [String]]
    var header_names: [String]
    var subject: String
    var from: [[String]]
    var to: [[String]]
    var content_type: String
    var boundary: String?
    var parts: [Part]
    var defects: [String]
    var max_line: Int
    var max_header_line: Int
    var max_body_line: Int
    var bare_line_ends: Int
    var ascii_only: Bool

    /// Runs the checker on the file at `path`.
    init(path: String) throws {
        let script = TestHTTPServer.serversDirectory.appendingPathComponent("check_mail.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "check_mail.py failed: \(String(decoding: problem, as: UTF8.self))")
        }
        self = try JSONDecoder().decode(CheckedMail.self, from: data)
    }

    /// Writes `bytes` to a temporary file and checks it.
    init(bytes: [UInt8]) throws {
        let directory = try TemporaryDirectory("visnyk-mail-check")
        defer { directory.remove() }
        let path = directory.appending("message.eml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try self.init(path: path)
    }

    /// Text parts with their line ends as LF (the parser keeps what the message had).
    func content(_ type: String) -> String? {
        parts.first { $0.type == type }.map { $0.content.replacingOccurrences(of: "\r\n", with: "\n") }
    }
}
