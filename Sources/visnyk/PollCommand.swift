import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import VisnykKit

struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll sources now, in the foreground.",
        discussion: """
            With --once, polls each named source (all enabled ones when none is named) once and \
            exits: 0 when every poll worked, 1 when one failed. Without it, keeps polling on the \
            schedule like `visnyk run`, until Ctrl-C. A live progress line on a terminal, plain \
            lines otherwise.
            """
    )

    @OptionGroup var options: ConfigOption

    @Flag(help: "Poll once and exit.")
    var once = false

    @Argument(help: "Source names (default: every enabled source).")
    var sources: [String] = []

    func run() async throws {
        var config = try options.load()
        let unknown = sources.filter { name in !config.sources.contains { $0.name == name } }
        guard unknown.isEmpty else {
            throw ValidationError("no source named \(unknown.joined(separator: ", ")) in \(config.path); "
                                  + "known: \(config.sources.map(\.name).joined(separator: ", "))")
        }
        if !once && !sources.isEmpty {
            config.sources = config.sources.filter { sources.contains($0.name) }
        }
        let progress = PollProgress(total: once ? (sources.isEmpty ? config.sources.filter(\.enabled).count : sources.count) : nil)
        let daemon = try Console.opening { try Daemon(config: config, onReport: { progress.show($0) }) }
        if once {
            let reports = await daemon.scheduler.pollOnce(sources)
            progress.finish()
            let failed = reports.filter(\.isFailure).count
            if failed > 0 {
                Console.error("\(failed) of \(reports.count) sources failed; `visnyk status` shows why")
                throw ExitCode.failure
            }
        } else {
            let logger = Logger(label: "visnyk")
            let service = DaemonService(daemon: daemon, configPath: config.path,
                                        notifier: SystemdNotifier(environment: [:]), logger: logger)
            try await ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
        }
    }
}
