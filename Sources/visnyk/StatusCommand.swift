import ArgumentParser
import Foundation
import VisnykKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the daemon did: per source the last poll, errors and counts; the spool.",
        discussion: "Reads the state database and the spool; the daemon may be running or not."
    )

    @OptionGroup var options: ConfigOption

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let config = try options.load()
        let report = try Console.opening {
            try StatusReport(config: config, store: StateStore(directory: config.stateDir))
        }
        Console.out(json ? report.json + "\n" : report.text())
    }
}
