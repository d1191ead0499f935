import ArgumentParser
import Foundation
import VisnykKit

@main
struct Visnyk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visnyk",
        abstract: "A feed aggregator daemon: polls feeds, drops what it has seen, spools new articles, mails digests.",
        version: VisnykVersion.current,
        subcommands: [RunCommand.self, PollCommand.self, DigestCommand.self, MailTestCommand.self, StatusCommand.self, CheckCommand.self, ParseCommand.self, SourcesCommand.self, MigrateStateCommand.self,
                      NearDuplicateBenchCommand.self]
    )

    /// Exit codes of DESIGN.md: 0 ok, 1 runtime failure, 2 usage or configuration error.
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitWithUsage(error, for: Visnyk.self)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exitWithUsage(error, for: type(of: command))
        }
    }

    private static func exitWithUsage(_ error: any Error, for command: any ParsableCommand.Type) -> Never {
        if command.exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((command.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        command.exit(withError: error)
    }
}
