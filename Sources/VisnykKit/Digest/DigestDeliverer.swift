import Foundation

/// One digest, end to end: collect what is new for it, render, compose, send, and mark the
/// articles delivered only once the transport accepted the message.
///
/// Exactly once: the digest's cursor (the last queue position it covered) moves in the same
/// transaction that logs the delivery, after the send succeeded. A failure moves nothing and
/// schedules a retry; a crash between the server's acceptance and that commit sends the same
/// articles again rather than losing them.
public struct DigestDeliverer: Sendable {
    public let config: VisnykConfig
    public let store: any StateBackend
    /// nil: no `[mail]` table could be turned into a transport; `transportProblem` says why.
    public let transport: (any MailTransport)?
    public let transportProblem: String?
    let hostName: String

    public init(config: VisnykConfig, store: any StateBackend, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.store = store
        hostName = MessageIdentity.hostName()
        guard let mail = config.mail else {
            transport = nil
            transportProblem = "the config has no [mail] table"
            return
        }
        do {
            transport = try MailTransports.make(mail, environment: environment)
            transportProblem = nil
        } catch {
            transport = nil
            transportProblem = error.description
        }
    }

    /// The digest's stored state; for a digest never seen before, a new one whose first
    /// message covers what was spooled since its latest scheduled time before `now` (not the
    /// whole retention period). `save` stores that new state (the daemon does; previews do not).
    public func state(of digest: DigestConfig, now: Date, save: Bool) throws -> DigestState {
        if let state = try store.digestState(named: digest.name) { return state }
        let schedule = try DigestSchedule(digest)
        let lastSlot = schedule.latestSlot(atOrBefore: now)
        var state = DigestState(name: digest.name, cursor: try store.lastQueueSeq(spooledBefore: lastSlot ?? now))
        state.lastSlot = lastSlot
        if save { try store.saveDigestState(state) }
        return state
    }

    /// Collects, renders and composes without sending or marking anything.
    public func prepare(_ digest: DigestConfig, state: DigestState, now: Date) throws -> PreparedDigest {
        let clock = ContinuousClock()
        let started = clock.now
        let collector = DigestCollector(store: store, spoolDirectory: config.spoolDir, config: config)
        let content = try collector.collect(digest, after: state.cursor, since: state.lastDeliveredAt ?? state.lastSlot, now: now)
        let collected = clock.now
        let rendered = try DigestRenderer(digest).render(content)
        let renderedAt = clock.now
        let mail = MIMEComposer.compose(try mailMessage(for: digest, rendered: rendered, now: now))
        let timings = PreparedDigest.Timings(collect: collected - started, render: renderedAt - collected,
                                             compose: clock.now - renderedAt)
        return PreparedDigest(content: content, rendered: rendered, mail: mail, timings: timings)
    }

    /// Sends the digest now and records the outcome: the delivery (cursor moved, `slot` noted
    /// as covered) or the failure with its next attempt. `slot` is the scheduled instant this
    /// delivery stands for; nil (a manual `--send`) leaves the schedule as it was.
    public func deliver(_ digest: DigestConfig, slot: Date?, now: Date) async throws -> DigestAttempt {
        guard let lock = try store.acquireDigestLock(digest: digest.name) else { return .busy }
        defer { withExtendedLifetime(lock) {} }
        var state = try state(of: digest, now: now, save: true)
        // Another process (a node of the cluster) covered this slot between our look at the
        // schedule and the lock: sending again would send the slot twice.
        if let slot, let covered = state.lastSlot, covered >= slot, state.nextAttemptAt == nil { return .busy }
        let prepared: PreparedDigest
        do {
            prepared = try prepare(digest, state: state, now: now)
        } catch {
            return try recordFailure(of: digest, state: &state, reason: "\(error)", now: now)
        }
        let content = prepared.content
        if content.isEmpty && !digest.sendEmpty {
            if let range = content.queueRange { state.cursor = max(state.cursor, range.upperBound) }
            if let slot { state.lastSlot = slot }
            state.failures = 0
            state.failingSince = nil
            state.lastError = nil
            state.nextAttemptAt = nil
            try store.saveDigestState(state)
            return .nothingNew
        }
        guard let transport else {
            return try recordFailure(of: digest, state: &state, reason: transportProblem ?? "no mail transport", now: now)
        }
        do {
            try await transport.send(prepared.mail)
        } catch {
            return try recordFailure(of: digest, state: &state, reason: error.description, now: now)
        }
        let shown = content.groups.flatMap { $0.articles.map(\.seq) }
        try store.recordDelivery(DigestDelivery(
            digest: digest.name, sentAt: now, messageID: prepared.mail.messageID,
            recipients: prepared.mail.recipients, slot: slot, queueRange: content.queueRange, shown: shown))
        return .sent(messageID: prepared.mail.messageID, articles: content.articleCount,
                     sources: content.sourceCount, recipients: prepared.mail.recipients)
    }

    private func recordFailure(of digest: DigestConfig, state: inout DigestState, reason: String, now: Date) throws -> DigestAttempt {
        state.failures += 1
        if state.failingSince == nil { state.failingSince = now }
        state.lastError = reason
        let retryAt = now.addingTimeInterval(TimeInterval(DigestRetry.delay(afterFailures: state.failures).components.seconds))
        state.nextAttemptAt = retryAt
        try store.saveDigestState(state)
        return .failed(reason: reason, retryAt: retryAt)
    }
}
