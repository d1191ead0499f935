import ArgumentParser
import Foundation
import VisnykKit

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Render or send a digest now.",
        discussion: """
            --preview FILE.html writes the HTML the digest would have now, and --dry-run prints the \
            whole MIME message; neither sends or marks anything. --send sends it now and marks its \
            articles delivered once the mail server accepted it (the daemon's schedule is unchanged; \
            the next scheduled digest covers what comes after). Exit 1 when sending failed.
            """
    )

    @OptionGroup var options: ConfigOption

    @Argument(help: "The digest's name (its `name` in the config).")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Write the rendered HTML to this file.", valueName: "file.html"))
    var preview: String?

    @Flag(help: "Send now, and mark the articles delivered.")
    var send = false

    @Flag(help: "Print the MIME message that would be sent.")
    var dryRun = false

    @Flag(help: "With --preview or --dry-run: say on stderr how long collecting, rendering and composing took.")
    var timings = false

    func validate() throws {
        let modes = [preview != nil, send, dryRun].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give exactly one of --preview FILE.html, --send, --dry-run") }
    }

    func run() async throws {
        let config = try options.load()
        guard let digest = config.digests.first(where: { $0.name == name }) else {
            let known = config.digests.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw ValidationError("no digest named \"\(name)\" in \(config.path); "
                                  + (known.isEmpty ? "it has no [[digest]] table" : "known: \(known)"))
        }
        let deliverer = try Console.opening { DigestDeliverer(config: config, store: try StateBackends.open(config)) }
        let now = Date()
        if send {
            let attempt = try await Console.opening { try await deliverer.deliver(digest, slot: nil, now: now) }
            switch attempt {
            case .failed, .busy:
                Console.error(attempt.summary(digest: name))
                throw ExitCode.failure
            case .sent, .nothingNew:
                break
            }
            Console.out(attempt.summary(digest: name) + "\n")
            return
        }
        let prepared = try Console.opening {
            try deliverer.prepare(digest, state: try deliverer.state(of: digest, now: now, save: false), now: now)
        }
        let counts = "\(prepared.content.articleCount) articles from \(prepared.content.sourceCount) sources"
        if timings { Console.error("digest \"\(name)\": \(prepared.timings)") }
        if let preview {
            try Console.opening { try Data(prepared.rendered.html.utf8).write(to: URL(fileURLWithPath: preview)) }
            Console.out("wrote \(preview): \(counts); nothing sent, nothing marked\n")
        } else {
            Console.out(prepared.mail.bytes)
            Console.error("digest \"\(name)\": \(counts), \(prepared.mail.bytes.count) bytes; nothing sent, nothing marked")
        }
    }
}
