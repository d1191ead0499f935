import Foundation

extension Deduper {
    /// Reconciles tmp/ with the state after an unclean stop; run at start, before any poll. It
    /// works only while no other writer holds the spool lock (else it is skipped: the files in
    /// tmp/ may be in flight). For each file in tmp/:
    /// - recorded in the state and not yet in new/ or cur/: its rename is finished;
    /// - recorded and already in new/ or cur/: the tmp/ copy is a leftover, deleted;
    /// - not recorded (or empty, so never completed): deleted; its article was not recorded
    ///   either, and comes again with the next fetch.
    /// A recorded file found nowhere was delivered and deleted by a consumer: nothing to do.
    public func recover() throws -> RecoveryReport {
        try spool.lock.withExclusive(recoverHoldingLock) ?? RecoveryReport(skipped: true)
    }

    private func recoverHoldingLock() throws -> RecoveryReport {
        var report = RecoveryReport()
        for file in try spool.temporaryFiles() {
            guard file.size > 0, try store.isSpoolFileRecorded(file.name) else {
                spool.removeTemporary(file.name)
                report.discarded += 1
                continue
            }
            if spool.isDelivered(file.name, includingFlagged: true) {
                spool.removeTemporary(file.name)
                report.leftovers += 1
            } else {
                try spool.publish(file.name)
                report.finished += 1
            }
        }
        if report.finished > 0 { try spool.syncNew() }
        return report
    }
}
