import Logging

/// How the daemon logs a poll: failures as warnings, retirement and relinks as notices, new
/// articles as info, quiet polls at debug level.
public enum ReportLog {
    public static func log(_ report: PollReport, to logger: Logger) {
        for warning in report.warnings { logger.warning("\(report.source): \(warning)") }
        if let moved = report.relinkedTo {
            logger.notice("\(report.source): moved permanently (301/308); now polling \(moved)")
        }
        switch report.outcome {
        case .failed:
            logger.warning("\(report.summary)")
        case .retired:
            logger.notice("\(report.summary); it is no longer polled")
        case .fetched(let accepted) where accepted.new + accepted.updates > 0:
            logger.info("\(report.summary)")
        case .fetched, .notModified:
            logger.debug("\(report.summary)")
        }
    }
}
