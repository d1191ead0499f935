import ArgumentParser
import Foundation
import VisnykKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and print a summary.",
        discussion: """
            Reads the configuration, reports every problem at once (each naming file, line and \
            key), and checks that file sources exist. Exit status: 0 when the configuration is \
            valid, 2 when it is not.
            """
    )

    @OptionGroup var config: ConfigOption

    func run() throws {
        do {
            let loaded = try ConfigLoader.check(path: config.path)
            Console.out(ConfigSummary.render(loaded))
        } catch {
            // Bare `file:line: key: message` lines, as compilers write them, so editors jump to them.
            let count = error.problems.count
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Console.error("\(count) problem\(count == 1 ? "" : "s") in \(config.path)")
            throw ExitCode(2)
        }
    }
}
