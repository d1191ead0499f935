import Logging

extension ReportLog {
    /// A digest sent is a notice (it is what the reader sees); one not delivered is an error.
    public static func log(digest: String, _ attempt: DigestAttempt, to logger: Logger) {
        switch attempt {
        case .sent: logger.notice("\(attempt.summary(digest: digest))")
        case .nothingNew: logger.info("\(attempt.summary(digest: digest))")
        case .busy: logger.debug("\(attempt.summary(digest: digest))")
        case .failed: logger.error("\(attempt.summary(digest: digest))")
        }
    }

    public static func log(digest: String, error: any Error, to logger: Logger) {
        logger.error("digest \"\(digest)\": \(error)")
    }
}
