/// When a failed delivery is tried again: after 1, 5, 15 and 60 minutes, then every hour,
/// so a mail server down for a night costs one message late rather than a storm of attempts.
public enum DigestRetry {
    static let steps: [Duration] = [.seconds(60), .seconds(5 * 60), .seconds(15 * 60), .seconds(60 * 60)]

    /// The wait after the `failures`-th consecutive failure (1 = the first).
    public static func delay(afterFailures failures: Int) -> Duration {
        steps[min(max(failures, 1), steps.count) - 1]
    }
}
