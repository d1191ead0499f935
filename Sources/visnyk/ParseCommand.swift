import ArgumentParser
import Foundation
import VisnykKit

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse feeds and print their articles.",
        discussion: """
            Reads each FILE or URL (fetched once), detects RSS, Atom, JSON Feed or a t.me/s \
            Telegram channel page from the content, and prints the articles: a listing by \
            default, or with --json the article JSON of DESIGN.md, one document per input and \
            line. Exit status: 0 when every input was read, 1 when one could not be, 2 for usage \
            errors.
            """
    )

    @Argument(help: "Feed files or http(s) URLs.")
    var inputs: [String]

    @Flag(help: "Print the article JSON (one line per input).")
    var json = false

    @Option(name: .customLong("base-url"), help: "Resolve relative links of files against this URL (a fetched feed is its own base; xml:base comes first).")
    var baseURL: String?

    @Option(name: .customLong("content-type"), help: "Treat the input as served with this Content-Type, e.g. \"text/xml; charset=windows-1251\".")
    var contentType: String?

    @Option(name: .customLong("strip"), help: "A boilerplate line to drop from text and hash: literal text, or /regex/. Repeatable.")
    var strip: [String] = []

    func validate() throws {
        _ = try stripPatterns()
    }

    private func stripPatterns() throws -> [StripPattern] {
        try strip.map { spec in
            do {
                return try StripPattern(spec)
            } catch {
                throw ValidationError("--strip \(spec): \(error)")
            }
        }
    }

    func run() throws {
        let patterns = try stripPatterns()
        ParseMallocTuning.apply()
        var failed = false
        for input in inputs {
            do {
                let parsed = try FeedInput(input).parse(baseURL: baseURL, contentType: contentType, strip: patterns)
                for warning in parsed.warnings { Console.error("\(input): warning: \(warning)") }
                if json {
                    parsed.writeJSON(toBuffers: { Console.out($0) })
                    Console.out("\n")
                } else {
                    Console.out(Listing.render(parsed))
                }
            } catch {
                failed = true
                Console.error("\(error)")
            }
        }
        if failed { throw ExitCode.failure }
    }
}
