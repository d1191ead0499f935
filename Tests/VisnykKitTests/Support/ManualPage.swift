import Foundation

/// The `.SH` sections of a man(7) page and, in each, the `.TP` / `.B key` entries.
struct ManualPage {
    struct Entry {
        var key: String
        var body: [String]
    }

    private var entriesBySection: [String: [Entry]] = [:]
    private(set) var sections: [String] = []

    init(path: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var section = ""
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix(".SH ") {
                section = line.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                sections.append(section)
            } else if line == ".TP", index + 1 < lines.count, lines[index + 1].hasPrefix(".B ") {
                let key = lines[index + 1].dropFirst(3).trimmingCharacters(in: .whitespaces)
                var body: [String] = []
                var next = index + 2
                while next < lines.count, lines[next] != ".TP", !lines[next].hasPrefix(".SH"), !lines[next].hasPrefix(".SS") {
                    body.append(lines[next])
                    next += 1
                }
                entriesBySection[section, default: []].append(Entry(key: key, body: body))
            }
            index += 1
        }
    }

    func entries(in section: String) -> [Entry] {
        entriesBySection[section] ?? []
    }

    func keys(in section: String) -> [String] {
        entries(in: section).map(\.key)
    }
}
