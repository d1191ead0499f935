import ArgumentParser
import Foundation
import VisnykKit

struct MailTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail-test",
        abstract: "Send a test message through the [mail] settings, end to end.",
        discussion: "Exit 0 when the server (or sendmail, or the maildir) accepted it; 1 with the reason when not."
    )

    @OptionGroup var options: ConfigOption

    @Argument(help: "The recipient, e.g. you@example.org.")
    var to: String

    @Option(help: "The sender (default: the first digest's `from`).")
    var from: String?

    func run() async throws {
        let config = try options.load()
        guard let mail = config.mail else {
            throw ValidationError("\(config.path) has no [mail] table: add one (see README, \"Digests\")")
        }
        let transport = try Console.opening { try MailTransports.make(mail, environment: ProcessInfo.processInfo.environment) }
        let message = try Console.opening {
            try MailTest.message(to: to, from: from, config: config, transportSummary: transport.summary)
        }
        try await Console.opening { try await transport.send(message) }
        Console.out("sent a test message to \(to) through \(transport.summary) (Message-ID <\(message.messageID)>)\n")
    }
}
