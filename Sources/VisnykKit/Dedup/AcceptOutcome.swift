/// What `Deduper.accept` did with one feed.
public struct AcceptOutcome: Sendable, Equatable {
    /// Articles spooled for the first time.
    public var new: Int
    /// Edited entries spooled again, with "updates".
    public var updates: Int
    /// Entries already seen (from this source or another); an entry repeated within the same
    /// feed counts once.
    public var duplicates: Int
    /// New articles that tell a story an earlier article told (within 72 hours): with
    /// near_duplicates = "mark" also counted in `new` (spooled, marked "sameStoryAs"); with
    /// "drop" counted only here (recorded as seen, not spooled).
    public var nearDuplicates: Int
    /// The names of the files renamed into new/, in feed order.
    public var files: [String]

    public init(new: Int = 0, updates: Int = 0, duplicates: Int = 0, nearDuplicates: Int = 0, files: [String] = []) {
        self.nearDuplicates = nearDuplicates
        self.new = new
        self.updates = updates
        self.duplicates = duplicates
        self.files = files
    }
}
