/// How near-duplicates are found; `standard` holds the values tuned on the labelled set in
/// Tests/VisnykKitTests/Fixtures/neardup (see `NearDuplicateLabelledSetTests`).
public struct NearDuplicateSettings: Sendable, Equatable {
    public var bands: Int
    public var rows: Int
    /// The least Jaccard similarity of 3-word shingles for two articles to be one story.
    public var threshold: Double
    /// Seconds: articles further apart are never the same story.
    public var window: Int64
    /// Texts with fewer shingles are neither indexed nor looked up.
    public var minimumShingles: Int
    public var bucketLimit: Int

    public init(bands: Int, rows: Int, threshold: Double, window: Int64 = 72 * 3600,
                minimumShingles: Int = 8, bucketLimit: Int = 64) {
        self.bands = bands
        self.rows = rows
        self.threshold = threshold
        self.window = window
        self.minimumShingles = minimumShingles
        self.bucketLimit = bucketLimit
    }

    public static let standard = NearDuplicateSettings(bands: 100, rows: 2, threshold: 0.15)
}
