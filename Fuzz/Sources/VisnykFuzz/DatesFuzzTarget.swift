import Foundation
@testable import VisnykKit

/// The date readers on any bytes: the public `FeedDate.parse`, and both readers directly on
/// the raw bytes (untrimmed, any length). A date that parses must survive the article
/// contract: `FeedDate.format` writes it, and reading that back gives the same second (within
/// years 1–9999, which the format can show; it clamps the rest).
enum DatesFuzzTarget {
    static func run(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { raw in
            _ = ISO8601DateParser.parse(raw)?.secondsSince1970()
            _ = TextualDateParser.parse(raw)?.secondsSince1970()
        }
        guard let date = FeedDate.parse(String(decoding: bytes, as: UTF8.self)) else { return }
        let second = date.timeIntervalSince1970.rounded(.down)
        guard second >= Double(RFC3339Formatter.earliest), second <= Double(RFC3339Formatter.latest) else { return }
        let written = FeedDate.format(date)
        guard let reread = FeedDate.parse(written) else {
            fatalError("FeedDate.format wrote \(written), which FeedDate.parse cannot read")
        }
        if reread.timeIntervalSince1970 != second {
            fatalError("FeedDate.format wrote \(written) for \(second) s, which reads back as \(reread.timeIntervalSince1970) s")
        }
    }
}
