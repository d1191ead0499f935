import Foundation

/// A Python test server from `Support/Servers/`, run on 127.0.0.1 for the life of one test.
///
/// The script must bind 127.0.0.1 port 0, print `PORT <n>` on its first stdout line, and exit
/// when its stdin closes. `fetch_server.py` has the one-shot fetcher's routes; `feed_server.py`
/// (see ``feedServer(feeds:generated:)`` and its docstring) serves feed files, generated
/// feeds and scripted faults, and logs every request. Call ``stop()`` when done (a `defer` right after creating it).
final class TestHTTPServer {
    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    static let serversDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Servers")

    let port: Int
    private let process: Process
    private let stdin: Pipe

    /// Starts `Servers/<script>` with `arguments` and waits for it to report its port.
    init(script: String, arguments: [String] = []) throws {
        let path = Self.serversDirectory.appendingPathComponent(script).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StartFailed(description: "no test server script at \(path)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", path] + arguments
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()

        let line = Self.firstLine(of: stdout.fileHandleForReading)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            process.terminate()
            process.waitUntilExit()
            throw StartFailed(description: "\(script) did not report a port (first line: \"\(line)\")")
        }
        self.port = port
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>` followed by `path`, which starts with "/".
    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Kills the server and waits for it; safe to call more than once.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private static func firstLine(of handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while bytes.count < 200 {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
