import Foundation
@testable import VisnykKit

/// The composer with hostile values: the input, split at NUL bytes, gives the sender's display
/// name and address, a recipient, the subject, the Message-ID, the List-Id and both bodies.
/// Whatever they hold, the message must keep its shape (`MIMEMessageShape`): no injected
/// header, CRLF line ends only, ASCII only, lines within the limits, exactly two parts.
enum MIMEFuzzTarget {
    static let boundary = "=_visnyk_fuzz"

    static func run(_ bytes: [UInt8]) {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        let fallback = try! MailAddress(displayName: nil, address: "digest@example.org")
        let from = (try? MailAddress(displayName: field(0), address: field(1)))
            ?? (try? MailAddress(displayName: field(0), address: "digest@example.org")) ?? fallback
        let to = (try? MailAddress(parsing: field(2))).map { [$0, fallback] } ?? [fallback]
        let seconds = bytes.prefix(4).reduce(Int32(0)) { $0 << 8 | Int32($1) }
        let message = MailMessage(from: from, to: to, subject: field(3), date: Date(timeIntervalSince1970: Double(seconds)),
                                  messageID: field(4), listID: fields.count > 5 ? field(5) : nil,
                                  text: field(6), html: field(7))
        let composed = MIMEComposer.compose(message, boundary: boundary)
        if let problem = MIMEMessageShape.problem(in: composed.bytes, boundary: boundary) {
            fatalError("the composed message is malformed: \(problem)")
        }
    }
}
