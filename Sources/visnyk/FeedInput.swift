import Foundation
import VisnykKit

/// One input of `visnyk parse`: a file, or a URL fetched once through libcurl.
struct FeedInput {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    var isURL: Bool {
        let lower = name.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    func parse(baseURL: String?, contentType: String?, strip: [StripPattern]) throws -> ParsedFeed {
        var options = ParseOptions(baseURL: baseURL, contentType: contentType, strip: strip, inputName: name)
        let bytes: [UInt8]
        if isURL {
            let response = try HTTPFetcher().fetch(FetchRequest(url: name, maxSize: FeedParser.maximumDocumentSize))
            bytes = response.body
            // The feed's own URL comes before --base-url (which is for files).
            options.baseURL = response.effectiveURL
            options.contentType = contentType ?? response.contentType
        } else {
            bytes = try readFile()
        }
        return try FeedParser.parse(bytes, options: options)
    }

    private func readFile() throws -> [UInt8] {
        // Straight into the array: Foundation's attributes and Data cost a copy and ~2% of a run.
        switch FileBytes.read(name, limit: FeedParser.maximumDocumentSize) {
        case .bytes(let bytes):
            return bytes
        case .tooLarge(let size):
            throw FeedParseError(input: name, reason: .tooLarge(bytes: size, limit: FeedParser.maximumDocumentSize))
        case .failed:
            return try readFileThroughFoundation()
        }
    }

    /// The slow path, for its error messages.
    private func readFileThroughFoundation() throws -> [UInt8] {
        let url = URL(fileURLWithPath: name)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: name)
        } catch {
            throw InputError("\(name): cannot read the file (\(error.localizedDescription)); check the path")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > FeedParser.maximumDocumentSize {
            throw FeedParseError(input: name, reason: .tooLarge(bytes: size, limit: FeedParser.maximumDocumentSize))
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw InputError("\(name): cannot read the file (\(error.localizedDescription)); check the path and permissions")
        }
    }
}

struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
