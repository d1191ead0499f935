import Foundation

/// Reads the plain text of spooled articles for digest excerpts and patterns: the file in new/,
/// else in cur/ (where Maildir readers may have renamed it `name:2,FLAGS`); a JSON file's
/// `"text"`, an EML file's HTML body as text. A file that is gone, too large or unreadable has
/// no text: the digest still shows the article's title.
final class SpoolTextReader {
    /// Spool files are written by Visnyk, but anyone may drop a file into a Maildir.
    static let maxFileBytes = 8 << 20

    private let new: String
    private let cur: String
    /// cur/ file names by their name before ":", listed once, when first needed.
    private var flagged: [String: String]?

    init(spoolDirectory: String) {
        new = (spoolDirectory as NSString).appendingPathComponent("new")
        cur = (spoolDirectory as NSString).appendingPathComponent("cur")
    }

    func text(ofSpoolFile name: String) -> String? {
        guard !name.contains("/"), let bytes = read(name) else { return nil }
        if name.hasSuffix(".eml") { return Self.emlText(bytes) }
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else { return nil }
        return object["text"] as? String
    }

    private func read(_ name: String) -> Data? {
        let candidates = [(new as NSString).appendingPathComponent(name), (cur as NSString).appendingPathComponent(name)]
        for path in candidates {
            if let data = Self.readCapped(path) { return data }
        }
        if flagged == nil { flagged = listFlagged() }
        guard let flaggedName = flagged?[name] else { return nil }
        return Self.readCapped((cur as NSString).appendingPathComponent(flaggedName))
    }

    private func listFlagged() -> [String: String] {
        var names: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: cur)) ?? [] {
            if let colon = name.firstIndex(of: ":") { names[String(name[..<colon])] = name }
        }
        return names
    }

    private static func readCapped(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxFileBytes + 1), data.count <= maxFileBytes else { return nil }
        return data
    }

    /// The text of the HTML body of a spooled EML message (base64, as Visnyk writes it, or
    /// unencoded).
    static func emlText(_ bytes: Data) -> String? {
        let message = [UInt8](bytes)
        guard let split = headerEnd(message) else { return nil }
        let head = String(decoding: message[..<split.head], as: UTF8.self)
        let body = message[split.body...]
        let isBase64 = head.split(whereSeparator: \.isNewline).contains { line in
            let lower = line.lowercased()
            return lower.hasPrefix("content-transfer-encoding:") && lower.contains("base64")
        }
        let html: String
        if isBase64 {
            guard let decoded = Data(base64Encoded: Data(body), options: .ignoreUnknownCharacters) else { return nil }
            html = String(decoding: decoded, as: UTF8.self)
        } else {
            html = String(decoding: body, as: UTF8.self)
        }
        return HTMLText.text(fromHTML: html)
    }

    /// Where the header ends and the body starts: the first empty line (CRLF or LF).
    private static func headerEnd(_ m: [UInt8]) -> (head: Int, body: Int)? {
        var i = 0
        while i + 1 < m.count {
            if m[i] == 0x0A {
                if m[i + 1] == 0x0A { return (i, i + 2) }
                if m[i + 1] == 0x0D, i + 2 < m.count, m[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }
}
