/// The sanitizer's base URL, resolved and prepared for the URL shortcuts (`HTMLURLBase`): the
/// summary and content of every entry in a feed mostly share one, so it is made once
/// (`HTMLSanitizerBaseCache`) rather than per text.
struct HTMLSanitizerBase {
    /// The base, resolved; nil when there is none or it is not absolute.
    let url: String?
    let urlBase: HTMLURLBase

    init(_ baseURL: String?) {
        let trimmed = baseURL.map { URLResolver.resolve($0, against: nil) } ?? ""
        url = URLResolver.isAbsolute(trimmed) ? trimmed : nil
        urlBase = HTMLURLBase(url)
    }
}

/// Remembers the last base prepared, for the next text with the same base URL.
struct HTMLSanitizerBaseCache {
    private var last: (baseURL: String?, base: HTMLSanitizerBase)?

    mutating func base(for baseURL: String?) -> HTMLSanitizerBase {
        if let last, last.baseURL == baseURL { return last.base }
        let base = HTMLSanitizerBase(baseURL)
        last = (baseURL, base)
        return base
    }
}
