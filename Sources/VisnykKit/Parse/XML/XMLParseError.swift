/// Why libxml2 refused a document, with the line it stopped at.
struct XMLParseError: Error, CustomStringConvertible {
    let line: Int
    let message: String

    var description: String { "line \(line): \(message)" }
}
