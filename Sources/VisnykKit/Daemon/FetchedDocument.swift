/// The bytes of one poll, from the network or a file, with what the parser and the state need.
struct FetchedDocument: Sendable {
    var bytes: [UInt8]
    var contentType: String?
    /// The URL relative links resolve against (the final URL after redirects); nil for files.
    var baseURL: String?
    var status: Int?
    var headers: [(name: String, value: String)]
    /// Validators to store for the next poll (a file's are its modification stamp).
    var etag: String?
    var lastModified: String?
    /// The final URL when every redirect hop was permanent (301/308).
    var permanentURL: String?
    var notModified: Bool
    /// Already parsed (a Telegram channel read over several pages); nil: parse `bytes`.
    var parsed: ParsedFeed? = nil
    /// Telegram sources: the newest post id in `parsed`, stored once its entries are accepted.
    var telegramLastPost: Int? = nil
}
