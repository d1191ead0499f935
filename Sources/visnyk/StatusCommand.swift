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

    @Argument(help: "Show only this source, with the boilerplate learned from it.")
    var source: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let config = try options.load()
        let report = try Console.opening {
            let store = try StateBackends.open(config)
            if let source { return try StatusReport(config: config, store: store, source: source) }
            return try StatusReport(config: config, store: store)
        }
        Console.out(json ? report.json + "\n" : report.text())
    }
}
