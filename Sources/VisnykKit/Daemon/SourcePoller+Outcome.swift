import Foundation

extension SourcePoller {
    /// A document arrived (`parsed` is its articles from `prepare`, nil when not modified):
    /// accept its entries, and mark the source healthy.
    func receive(_ document: FetchedDocument, parsed: ParsedFeed?, from source: SourceConfig, into state: inout SourceState,
                 policy: PollPolicy, now: Date, random: inout some RandomNumberGenerator) throws -> PollReport {
        var report = PollReport(source: source.name, outcome: .notModified, status: document.status,
                                nextPollAt: now)
        report.bytes = document.bytes.count
        var hints = FeedPollHints()
        if document.notModified {
            state.notModifiedCount += 1
        } else if let parsed {
            let accepted = try deduper.accept(parsed, from: source.articleSource,
                                              fetchedAt: now)
            state.newCount += accepted.new
            state.updateCount += accepted.updates
            state.duplicateCount += accepted.duplicates
            state.etag = document.etag
            state.telegramLastPost = document.telegramLastPost.map { max($0, state.telegramLastPost ?? 0) }
                ?? state.telegramLastPost
            state.lastModified = document.lastModified
            hints = parsed.pollHints
            report.outcome = .fetched(accepted)
            report.warnings = parsed.warnings
            state.lastWarning = parsed.warnings.isEmpty ? nil : parsed.warnings.joined(separator: "; ")
        }
        if let moved = document.permanentURL, moved != Self.currentURL(of: source, state: state) {
            state.currentURL = moved
            report.relinkedTo = moved
        }
        state.lastStatus = document.status
        state.lastError = nil
        state.lastSuccessAt = now
        state.consecutiveFailures = 0
        state.failingSince = nil
        state.nextPollAt = policy.nextPoll(after: now, hints: hints, responseHeaders: document.headers, random: &random)
        report.nextPollAt = state.nextPollAt ?? now
        return report
    }

    /// A failed poll: count it, remember why in plain words, and back off.
    func record(_ failure: PollFailure, for source: SourceConfig, into state: inout SourceState,
                policy: PollPolicy, now: Date, random: inout some RandomNumberGenerator) -> PollReport {
        state.lastStatus = failure.status
        state.lastError = failure.description
        state.consecutiveFailures += 1
        state.failingSince = state.failingSince ?? now
        if failure.isGone {
            state.retired = true
            state.nextPollAt = nil
            return PollReport(source: source.name, outcome: .retired(failure.description), status: failure.status,
                              nextPollAt: .distantFuture)
        }
        let next = policy.nextPollAfterFailure(now: now, consecutiveFailures: state.consecutiveFailures,
                                               retryAfter: failure.retryAfter, random: &random)
        state.nextPollAt = next
        var report = PollReport(source: source.name, outcome: .failed(failure.description), status: failure.status,
                                nextPollAt: next, retryAfter: failure.retryAfter)
        report.parseFailed = failure.isParseError
        return report
    }
}
