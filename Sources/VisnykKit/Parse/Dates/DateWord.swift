/// What a word inside a textual date means.
enum DateWord: Sendable, Equatable {
    case month(Int)
    /// Ignored: feeds often carry a weekday that disagrees with the date.
    case weekday
    /// A named zone. `acceptsNumericOffset` marks UT/UTC/GMT, which may be followed by an
    /// offset as in JavaScript's `GMT+0300`.
    case zone(offsetSeconds: Int, acceptsNumericOffset: Bool)
    /// RFC 822 military zone letter (other than Z), read as UTC; see `EnglishDateWords`.
    case militaryZone
    case meridiem(isPM: Bool)
    /// Words that carry no information in a date: "at", "of", Ukrainian "р." (year), "о" (at).
    case filler
}
