/// One fuzz target: its name on the command line and what it does with each input.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([UInt8]) -> Void
}

/// The targets `scripts/fuzz` knows, and the one this process runs.
enum FuzzTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "feed", summary: "FeedParser.parse on any bytes (XML, JSON Feed, t.me/s HTML)", run: FeedFuzzTarget.run),
        FuzzTarget(name: "html", summary: "HTMLSanitizer and HTMLText on any text", run: HTMLFuzzTarget.run),
        FuzzTarget(name: "fulltext", summary: "ArticlePage.utf8 and ArticleExtractor.extract on any page", run: FullTextFuzzTarget.run),
        FuzzTarget(name: "dates", summary: "FeedDate, ISO8601DateParser and TextualDateParser on any bytes", run: DatesFuzzTarget.run),
        FuzzTarget(name: "config", summary: "ConfigLoader.parse on any text", run: ConfigFuzzTarget.run),
        FuzzTarget(name: "mime", summary: "MIMEComposer.compose with header values and bodies from the input", run: MIMEFuzzTarget.run),
    ]

    static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }

    // Written once by main before libFuzzer starts, then only read from its single thread.
    nonisolated(unsafe) private static var selected: FuzzTarget?

    static func select(_ target: FuzzTarget) {
        selected = target
    }

    /// libFuzzer's callback: a C function, so it cannot capture the target.
    static func runSelected(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        selected?.run(bytes)
        return 0
    }
}
