/// Which sources a digest takes its articles from, and in what order their groups come.
struct DigestSelection: Sendable {
    /// nil: every source, including sources gone from the config whose articles are queued.
    let names: Set<String>?
    /// The configured sources the digest selects, in config order.
    let configured: [String]
    private let position: [String: Int]

    /// A source is selected when the digest names it or it has (in the current config) one of
    /// the digest's tags; with neither `sources` nor `tags`, every source is.
    init(_ digest: DigestConfig, sources: [SourceConfig]) {
        let tags = Set(digest.tags)
        let named = Set(digest.sources)
        let everything = named.isEmpty && tags.isEmpty
        configured = sources.filter { everything || named.contains($0.name) || !tags.isDisjoint(with: $0.tags) }.map(\.name)
        names = everything ? nil : Set(configured)
        var position: [String: Int] = [:]
        for (index, source) in sources.enumerated() where position[source.name] == nil {
            position[source.name] = index
        }
        self.position = position
    }

    func selects(_ source: String) -> Bool {
        names?.contains(source) ?? true
    }

    /// Config order; sources gone from the config last, by name.
    func precedes(_ a: String, _ b: String) -> Bool {
        switch (position[a], position[b]) {
        case let (x?, y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }
}
