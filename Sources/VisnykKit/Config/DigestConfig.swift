/// One `[[digest]]` table of the configuration: who gets which articles, when.
public struct DigestConfig: Sendable, Equatable {
    /// Unique among the digests; the key of the digest's delivery state.
    public var name: String
    /// Recipients as written: `reader@example.org` or `Name <reader@example.org>`.
    public var to: [String]
    public var from: String
    /// A Mustache template (`{{date}}`, `{{count}}`, `{{sources}}`, `{{name}}`).
    public var subject: String
    /// Local wall-clock times in `timezone`; `at` may be one "HH:MM" or an array of them.
    public var at: [DigestTime]
    /// An IANA zone identifier such as "Europe/Kyiv".
    public var timezone: String
    /// nil: every day.
    public var days: Set<Weekday>?
    /// Source names; with `tags`, a source is selected when it is named or has one of the tags.
    /// Both empty: every source.
    public var sources: [String]
    public var tags: [String]
    /// Patterns on title and text, written like `strip`: literal text, or "/regex/" ("/regex/i").
    /// An article is shown when it matches any include (or there is none) and no exclude.
    public var include: [String]
    public var exclude: [String]
    /// nil: no limit. The newest are kept; the rest are counted as "N more".
    public var maxPerSource: Int?
    /// Characters of text shown under each title; 0 shows none.
    public var excerptLength: Int
    /// Send a message even when nothing is new.
    public var sendEmpty: Bool
    /// Absolute paths of templates replacing the bundled ones.
    public var htmlTemplate: String?
    public var textTemplate: String?
    /// The line of its `[[digest]]` header, for messages.
    public var line: Int

    public init(name: String, to: [String], from: String,
                subject: String = Defaults.subject, at: [DigestTime], timezone: String,
                days: Set<Weekday>? = nil, sources: [String] = [], tags: [String] = [],
                include: [String] = [], exclude: [String] = [], maxPerSource: Int? = nil,
                excerptLength: Int = Defaults.excerptLength, sendEmpty: Bool = false,
                htmlTemplate: String? = nil, textTemplate: String? = nil, line: Int = 0) {
        self.name = name
        self.to = to
        self.from = from
        self.subject = subject
        self.at = at
        self.timezone = timezone
        self.days = days
        self.sources = sources
        self.tags = tags
        self.include = include
        self.exclude = exclude
        self.maxPerSource = maxPerSource
        self.excerptLength = excerptLength
        self.sendEmpty = sendEmpty
        self.htmlTemplate = htmlTemplate
        self.textTemplate = textTemplate
        self.line = line
    }

    public enum Defaults {
        public static let subject = "{{name}}: {{summary}} ({{date}})"
        public static let excerptLength = 280
    }
}

/// A local wall-clock time of day.
public struct DigestTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (a: DigestTime, b: DigestTime) -> Bool {
        (a.hour, a.minute) < (b.hour, b.minute)
    }
}

/// A day of the week, spelled in the config as "mon" … "sun" (or the full English name).
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
    /// Numbered as Foundation's Calendar numbers weekdays: Sunday is 1.
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday
}
