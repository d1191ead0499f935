@testable import VisnykKit

/// What every message `MIMEComposer` writes must look like, whatever its values held.
enum MIMEMessageShape {
    static let headerNames: Set<String> = [
        "Date", "From", "To", "Subject", "Message-ID", "List-Id", "Auto-Submitted", "MIME-Version", "Content-Type",
    ]

    /// Nil when the message is well-formed, else what is wrong.
    static func problem(in bytes: [UInt8], boundary: String) -> String? {
        if let byte = bytes.first(where: { $0 >= 0x80 || ($0 < 0x20 && $0 != 0x0D && $0 != 0x0A && $0 != 0x09) }) {
            return "byte 0x\(String(byte, radix: 16)) is not printable ASCII"
        }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A || bytes[index] == 0x0D {
            if bytes[index] == 0x0D {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { return "a bare CR at byte \(index)" }
                lines.append(bytes[start..<index])
            } else {
                guard index > 0, bytes[index - 1] == 0x0D else { return "a bare LF at byte \(index)" }
                start = index + 1
            }
        }
        guard start == bytes.count else { return "the last line has no CRLF" }
        guard let blank = lines.firstIndex(where: \.isEmpty) else { return "no blank line after the header" }
        var seen: Set<String> = []
        for line in lines[..<blank] {
            if line.count > 998 { return "a header line of \(line.count) bytes" }
            if line.first == 0x20 || line.first == 0x09 { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return "a header line without a name: \(String(decoding: line, as: UTF8.self))" }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            guard headerNames.contains(name) else { return "an unexpected header \(name)" }
            guard seen.insert(name).inserted else { return "header \(name) twice" }
        }
        let delimiter = Array("--\(boundary)".utf8)
        var delimiters = 0
        for line in lines[blank...] {
            if line.count > MIMEBody.lineLimit { return "a body line of \(line.count) bytes" }
            if line.starts(with: delimiter) { delimiters += 1 }
        }
        return delimiters == 3 ? nil : "\(delimiters) boundary lines instead of 3"
    }
}
