/// One step of a path into a TOML document: a key, or the index of an element of an array
/// (an `[[array]]` table or an inline array).
enum TOMLPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// The line of every key, table header and array element of a TOML text. TOMLKit gives no
/// positions, so this scans the raw text itself: comments, quoted and dotted keys, all four
/// kinds of strings (multi-line ones included), and arrays and inline tables across lines.
/// It runs only on text that TOMLKit accepted, so it need not report syntax errors; on
/// anything it does not understand it moves on to the next line.
struct TOMLKeyLines: Sendable {
    private var lines: [[TOMLPathComponent]: Int] = [:]
    /// A syntax error that TOMLKit would abort on instead of reporting (see `TOMLKeyScanner`).
    let trap: TOMLTrap?

    init(text: String) {
        var scanner = TOMLKeyScanner(bytes: Array(text.utf8))
        scanner.scan()
        lines = scanner.lines
        trap = scanner.trap
    }

    /// The line where `path` is written; for a path not written as such (a key inside a
    /// value that the scanner skipped), the line of the closest enclosing path that is.
    func line(of path: [TOMLPathComponent]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }
}
