/// Lookup of ASCII words in dates, case-insensitively, without creating strings.
///
/// Months and weekdays match their full English name or any prefix of it at least three
/// letters long for months ("Sep", "Sept", "Septem") and two for weekdays ("Tu", "Thurs").
///
/// Named zones (offsets from UTC in hours):
/// - RFC 822: UT, GMT, Z = 0; EST −5, EDT −4, CST −6, CDT −5, MST −7, MDT −6, PST −8, PDT −7.
/// - Also UTC = 0, and these widely used, unambiguous abbreviations: AKST −9, AKDT −8, HST −10,
///   AST −4, ADT −3 (Atlantic), NST −3:30, NDT −2:30, WET 0, WEST +1, BST +1 (British Summer),
///   CET/MET/MEZ +1, CEST/MEST/MESZ +2, EET +2, EEST +3, MSK +3, SAST +2, JST +9, KST +9,
///   HKT +8, SGT +8, AWST +8, ACST +9:30, ACDT +10:30, AEST +10, AEDT +11, NZST +12, NZDT +13.
/// - Ambiguous abbreviations (IST, for one: India, Ireland or Israel) are left out; an unknown
///   upper-case word of 2–5 letters after the time is read as a zone of unknown offset, i.e. UTC.
/// - Military letters (A–I, K–Y): RFC 822 gave them offsets with the wrong sign, so RFC 1123
///   and RFC 2822 §4.3 say to treat them as -0000 (UTC, local offset unknown). We do that.
enum EnglishDateWords {
    static func classify(_ word: UnsafeBufferPointer<UInt8>) -> DateWord? {
        guard let key = key(word) else { return nil }
        return table[key]
    }

    /// Lower-cased first seven bytes plus the length: unique for every word in the table.
    private static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !word.isEmpty, word.count <= 12 else { return nil }
        var key = UInt64(word.count) << 56
        for position in 0..<min(word.count, 7) {
            key |= UInt64(word[position] | 0x20) << UInt64(8 * position)
        }
        return key
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]
    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static let zones: [(String, Int)] = [
        ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300),
        ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420),
        ("akst", -540), ("akdt", -480), ("hst", -600), ("ast", -240), ("adt", -180),
        ("nst", -210), ("ndt", -150), ("wet", 0), ("west", 60), ("bst", 60),
        ("cet", 60), ("met", 60), ("mez", 60), ("cest", 120), ("mest", 120), ("mesz", 120),
        ("eet", 120), ("eest", 180), ("msk", 180), ("sast", 120), ("jst", 540), ("kst", 540),
        ("hkt", 480), ("sgt", 480), ("awst", 480), ("acst", 570), ("acdt", 630),
        ("aest", 600), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
    ]

    private static let table: [UInt64: DateWord] = {
        var table: [UInt64: DateWord] = [:]
        func add(_ text: String, _ meaning: DateWord) {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                if let key = key(buffer) { table[key] = meaning }
            }
        }
        for (index, name) in months.enumerated() {
            for length in 3...name.count { add(String(name.prefix(length)), .month(index + 1)) }
        }
        for name in weekdays {
            for length in 2...name.count { add(String(name.prefix(length)), .weekday) }
        }
        for (name, minutes) in zones { add(name, .zone(offsetSeconds: minutes * 60, acceptsNumericOffset: false)) }
        for name in ["ut", "utc", "gmt"] { add(name, .zone(offsetSeconds: 0, acceptsNumericOffset: true)) }
        add("z", .zone(offsetSeconds: 0, acceptsNumericOffset: false))
        for letter in "abcdefghiklmnopqrstuvwxy" { add(String(letter), .militaryZone) }
        add("am", .meridiem(isPM: false))
        add("pm", .meridiem(isPM: true))
        for filler in ["at", "of", "on", "the"] { add(filler, .filler) }
        return table
    }()
}
