import ArgumentParser
import VisnykKit

@main
struct Visnyk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visnyk",
        abstract: "A feed aggregator daemon: polls feeds, dedups articles, spools them, mails digests."
    )
}
