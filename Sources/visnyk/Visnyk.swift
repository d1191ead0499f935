import ArgumentParser
import Foundation

@main
struct Visnyk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visnyk",
        abstract: "A feed aggregator daemon: polls feeds, drops what it has seen, spools new articles, mails digests.",
        subcommands: [ParseCommand.self]
    )

    /// Exit codes of DESIGN.md: 0 ok, 1 runtime failure, 2 usage or configuration error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
