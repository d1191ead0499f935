import Foundation
import Testing

/// A strict little reader of the `.eml` files: CRLF everywhere, headers unfolded, RFC 2047
/// "B" words decoded, the base64 body decoded. Throws on anything a mail reader would trip on.
struct EMLMessage {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    let headerLines: [String]
    let headers: [(name: String, raw: String)]
    let body: String
    let bodyLineLengths: [Int]

    init(_ bytes: [UInt8]) throws {
        let text = try #require(String(validating: bytes, as: UTF8.self))
        var lines: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            // "\r\n" is one Character in Swift.
            if character == "\r\n" {
                lines.append(current)
                current = ""
            } else if character == "\n" || character == "\r" {
                throw Malformed(description: "a bare CR or LF after \(current.suffix(20))")
            } else {
                current.append(character)
            }
            previous = character
        }
        guard current.isEmpty, previous == "\r\n" else { throw Malformed(description: "the message does not end in CRLF") }
        guard let blank = lines.firstIndex(of: "") else { throw Malformed(description: "no blank line after the headers") }
        headerLines = Array(lines[..<blank])
        var headers: [(name: String, raw: String)] = []
        for line in headerLines {
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { throw Malformed(description: "a continuation line first") }
                headers[headers.count - 1].raw += line
            } else {
                guard let colon = line.firstIndex(of: ":"), line[line.index(after: colon)...].hasPrefix(" ") else {
                    throw Malformed(description: "not a header line: \(line)")
                }
                headers.append((String(line[..<colon]), String(line[line.index(colon, offsetBy: 2)...])))
            }
        }
        self.headers = headers
        let bodyLines = lines[(blank + 1)...]
        bodyLineLengths = bodyLines.map(\.count)
        let data = try #require(Data(base64Encoded: bodyLines.joined()))
        body = try #require(String(validating: [UInt8](data), as: UTF8.self))
    }

    /// The unfolded value as written (encoded words still encoded).
    func rawHeader(_ name: String) -> String {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.raw ?? ""
    }

    /// The value with encoded words decoded (white space between adjacent words dropped) and a
    /// quoted display name unquoted.
    func header(_ name: String) -> String? {
        guard headers.contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else { return nil }
        var out: [UInt8] = []
        var pendingSpace = false
        var lastWasEncoded = false
        for token in rawHeader(name).split(separator: " ", omittingEmptySubsequences: false) {
            if let decoded = Self.decodeWord(String(token)) {
                if pendingSpace && !lastWasEncoded { out.append(0x20) }
                out += decoded
                lastWasEncoded = true
            } else {
                if pendingSpace { out.append(0x20) }
                out += Array(token.utf8)
                lastWasEncoded = false
            }
            pendingSpace = true
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 16 hex of the scope tag in a Message-ID `<hex.tag@domain>`.
    var scopeTag: String {
        let id = rawHeader("Message-ID")
        guard let dot = id.firstIndex(of: "."), let at = id.firstIndex(of: "@") else { return "" }
        return String(id[id.index(after: dot)..<at])
    }

    static func decodeWord(_ word: String) -> [UInt8]? {
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="), word.count >= 12 else { return nil }
        let payload = word.dropFirst(10).dropLast(2)
        return Data(base64Encoded: String(payload)).map { [UInt8]($0) }
    }
}
