/// A poll that failed, in plain words for `visnyk status` and the logs.
struct PollFailure: Error, CustomStringConvertible, Sendable {
    var description: String
    var status: Int?
    var retryAfter: Duration?
    /// 410 Gone: stop polling this source.
    var isGone = false
    /// The fetch was cancelled (shutdown): not the source's fault, nothing to record.
    var isCancelled = false
    /// The document arrived but is no feed the parser could read.
    var isParseError = false

    init(_ description: String, status: Int? = nil, retryAfter: Duration? = nil, isGone: Bool = false) {
        self.description = description
        self.status = status
        self.retryAfter = retryAfter
        self.isGone = isGone
    }
}
