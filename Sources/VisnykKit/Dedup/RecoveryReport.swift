/// What `Deduper.recover` found in tmp/ after an unclean stop.
public struct RecoveryReport: Sendable, Equatable, CustomStringConvertible {
    /// Recorded files whose rename into new/ had not happened: renamed now.
    public var finished: Int
    /// Files never recorded (their articles come again with the next fetch): deleted.
    public var discarded: Int
    /// Leftover tmp/ copies of files already in new/ or cur/: deleted.
    public var leftovers: Int
    /// Another visnyk was writing this spool, so tmp/ was left alone (its files may be in
    /// flight); the next start without one recovers.
    public var skipped: Bool

    public init(finished: Int = 0, discarded: Int = 0, leftovers: Int = 0, skipped: Bool = false) {
        self.finished = finished
        self.discarded = discarded
        self.leftovers = leftovers
        self.skipped = skipped
    }

    public var isEmpty: Bool { finished == 0 && discarded == 0 && leftovers == 0 }

    public var description: String {
        if skipped { return "spool recovery skipped: another visnyk is writing this spool" }
        return "spool recovery: \(finished) file(s) moved into new/, \(discarded) unrecorded file(s) "
            + "and \(leftovers) leftover copy(ies) deleted from tmp/"
    }
}
