import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import VisnykKit

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: poll every source on its schedule and mail the digests on theirs, until stopped.",
        discussion: """
            Meant for systemd (Type=notify): reports READY, STATUS and WATCHDOG over \
            $NOTIFY_SOCKET, reloads the config on SIGHUP, and on SIGTERM stops scheduling, gives \
            transfers in flight 8 seconds and exits 0. Logs go to stderr, with journald priority \
            prefixes when stderr is the journal.
            """
    )

    @OptionGroup var options: ConfigOption

    func run() async throws {
        let config = try options.load()
        LoggingSystem.bootstrap { JournalLogHandler(label: $0) }
        let logger = Logger(label: "visnyk")
        let daemon = try Console.opening { 
            try Daemon(config: config, onReport: { ReportLog.log($0, to: logger) },
                       onDigest: { ReportLog.log(digest: $0, $1, to: logger) },
                       onDigestError: { ReportLog.log(digest: $0, error: $1, to: logger) })
        }
        let service = DaemonService(daemon: daemon, configPath: config.path, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
