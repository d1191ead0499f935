import ArgumentParser
import Foundation
import VisnykKit

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Bring sources in from another reader, or take them out: OPML import and export.",
        subcommands: [SourcesImportCommand.self, SourcesExportCommand.self]
    )
}

struct SourcesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append the feeds of an OPML file to the configuration as [[source]] tables.",
        discussion: """
            The tables are appended as text at the end of the file, after a comment naming the \
            OPML file; everything already in the file stays as it is. Folders and categories \
            become tags. Feeds whose URL the configuration already has are skipped; a name \
            already taken gets a number, like "Name (2)". Nothing is written unless the result \
            is a valid configuration. Exit status: 0 on success, 1 when the file cannot be \
            written, 2 for an unreadable OPML file or configuration.
            """
    )

    @Argument(help: ArgumentHelp("The OPML file exported by the other reader.", valueName: "FILE.opml"))
    var file: String

    @Flag(help: "Print the [[source]] tables instead of appending them to the configuration.")
    var print = false

    @OptionGroup var config: ConfigOption

    func run() throws {
        let existing = try config.load()
        let opml = try readOPML()
        let plan = OPMLImport(opml, existing: existing.sources)
        let toml = plan.toml(origin: (file as NSString).lastPathComponent, date: Date())
        if print {
            Console.out(toml.isEmpty ? "" : String(toml.drop { $0 == "\n" }))
        } else if !toml.isEmpty {
            do {
                try ConfigFileAppender.append(toml, to: config.path)
            } catch let error as ConfigError {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                Console.error("the imported sources would make \(config.path) invalid; it was left as it was")
                throw ExitCode(2)
            } catch {
                Console.error("\(error)")
                throw ExitCode.failure
            }
        }
        report(plan)
    }

    private func readOPML() throws -> OPMLReader {
        do {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw OPMLError(file: file, problem: "cannot be opened: check the path and its permissions")
            }
            defer { try? handle.close() }
            let data = try handle.read(upToCount: OPMLReader.maximumFileSize + 1) ?? Data()
            return try OPMLReader([UInt8](data), file: file)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// What was done, on stderr when the tables went to stdout.
    private func report(_ plan: OPMLImport) {
        var lines: [String] = []
        let count = plan.added.count
        let noun = "source\(count == 1 ? "" : "s")"
        lines.append(print ? "\(count) \(noun) to add from \(file)" : "added \(count) \(noun) from \(file) to \(config.path)")
        for (from, to) in plan.renamed { lines.append("  renamed: \"\(from)\" is taken, added as \"\(to)\"") }
        for merged in plan.merged { lines.append("  merged: \(merged)") }
        for skipped in plan.skipped { lines.append("  skipped: \(skipped)") }
        let text = lines.joined(separator: "\n") + "\n"
        if print {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            Console.out(text)
        }
    }
}

struct SourcesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the configured sources as an OPML 2.0 file.",
        discussion: """
            Feeds are grouped in folders by their first tag, with every tag in category. \
            Telegram channels are written with type="telegram" and their https://t.me/s/ \
            preview as xmlUrl (`visnyk sources import` reads them back as telegram sources); \
            file sources are left out, with a note on stderr.
            """
    )

    @OptionGroup var config: ConfigOption

    func run() throws {
        let loaded = try config.load()
        let document = OPMLWriter.document(loaded.sources, title: "Visnyk sources", date: Date())
        Console.out(document.text)
        if !document.leftOut.isEmpty {
            Console.error("left out (file sources): " + document.leftOut.joined(separator: ", "))
        }
    }
}
