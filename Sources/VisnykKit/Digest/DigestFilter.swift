/// A digest's `include` and `exclude` patterns: the shared `ArticleFilter`, on the title and
/// the text (what the digest queue and the spool file give it).
struct DigestFilter: Sendable {
    let filter: ArticleFilter

    /// Throws `StripPatternError` for a bad pattern (the config check refuses those first).
    init(_ digest: DigestConfig) throws {
        filter = try ArticleFilter(include: digest.include, exclude: digest.exclude)
    }

    var isEmpty: Bool { filter.isEmpty }

    /// Shown when it matches any include (or there is none) and no exclude.
    func shows(title: String, text: String) -> Bool {
        filter.passes(title: title, text: text)
    }
}
