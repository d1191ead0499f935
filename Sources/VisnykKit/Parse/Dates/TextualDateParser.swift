/// The lenient reader for dates that are not strict ISO 8601: RFC 822 / 1123 / 2822 and the
/// hand-made variants found in feeds. It reads tokens left to right and places each by what
/// it looks like, so order, commas, periods, dashes and spacing hardly matter:
///
/// - `hh:mm[:ss[.fraction]]` (also `hh.mm` after a complete date) is the time; AM/PM adjusts it.
/// - A number of 3–4 digits is the year; 1–2 digits is the day, else the year (two-digit years:
///   00–49 → 20xx, 50–99 → 19xx; three-digit years + 1900, both per RFC 2822 §4.3).
/// - Numeric dates: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`; `DD.MM.YYYY` and `DD-MM-YYYY`
///   (day first, as in Ukraine and most of Europe); `MM/DD/YYYY` (slash means US order).
///   When the chosen order gives a month over 12 and the other order is valid, the other wins.
/// - Words: month and weekday names (weekdays are ignored), zones, AM/PM; see `DateWord`.
/// - `±hhmm`, `±hh:mm`, `±hh` after the time or after UT/UTC/GMT is the zone offset; a
///   numeric offset wins over a zone name next to it (`+0300 (EEST)`, `+0300 EEST`).
/// - Comments in parentheses (nested) and `[…]` are skipped, and `, . ; | @` separate freely.
///   No zone means UTC.
/// Any token it cannot place makes the whole date nil, rather than guessing.
struct TextualDateParser {
    var scanner: DateByteScanner
    var year: Int?
    var yearDigits = 0
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute = 0
    var second = 0
    var nanoseconds = 0
    var utcOffset: Int?
    var hasNumericOffset = false
    var zoneAcceptsNumericOffset = false
    var isPM: Bool?

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedDateFields? {
        var parser = TextualDateParser(scanner: DateByteScanner(bytes))
        guard parser.readAll() else { return nil }
        return parser.fields()
    }

    private mutating func readAll() -> Bool {
        while !scanner.isAtEnd {
            let byte = scanner.peek()
            if DateByteScanner.isDigit(byte) {
                zoneAcceptsNumericOffset = false
                guard readNumber() else { return false }
            } else if DateByteScanner.isASCIILetter(byte) || byte >= 0x80 {
                let spaceLength = scanner.unicodeSpaceLength()
                if spaceLength > 0 {
                    scanner.advance(spaceLength)
                } else {
                    guard readWord() else { return false }
                }
            } else {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "@"):
                    scanner.advance()
                case UInt8(ascii: "("):
                    skipComment(closing: UInt8(ascii: ")"))
                case UInt8(ascii: "["):
                    skipComment(closing: UInt8(ascii: "]"))
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    guard readSignOrDash() else { return false }
                default:
                    guard DateByteScanner.isASCIISpace(byte) else { return false }
                    scanner.advance()
                }
            }
        }
        return true
    }

    private mutating func readNumber() -> Bool {
        let (value, count) = scanner.readDigits()
        guard count <= 9 else { return false }
        let next = scanner.peek()
        let digitFollows = DateByteScanner.isDigit(scanner.peek(1))
        let noDateYet = year == nil && month == nil && day == nil
        if digitFollows {
            switch next {
            case UInt8(ascii: ":"):
                return readTime(hour: value, digits: count, separator: next)
            case UInt8(ascii: "/"):
                return readNumericDate(first: value, digits: count, separator: next)
            case UInt8(ascii: "."):
                if noDateYet { return readNumericDate(first: value, digits: count, separator: next) }
                if hour == nil { return readTime(hour: value, digits: count, separator: next) }
                return false
            case UInt8(ascii: "-") where noDateYet:
                return readNumericDate(first: value, digits: count, separator: next)
            default:
                break
            }
        }
        return placeStandaloneNumber(value, digits: count)
    }

    private mutating func readTime(hour value: Int, digits: Int, separator: UInt8) -> Bool {
        guard hour == nil, digits <= 2 else { return false }
        scanner.advance()
        let (minuteValue, minuteDigits) = scanner.readDigits()
        guard minuteDigits <= 2 else { return false }
        hour = value
        minute = minuteValue
        guard scanner.peek() == separator, DateByteScanner.isDigit(scanner.peek(1)) else { return true }
        scanner.advance()
        let (secondValue, secondDigits) = scanner.readDigits()
        guard secondDigits <= 2 else { return false }
        second = secondValue
        let mark = scanner.peek()
        if separator == UInt8(ascii: ":"), mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","),
           DateByteScanner.isDigit(scanner.peek(1)) {
            scanner.advance()
            nanoseconds = scanner.readFractionNanoseconds()
        }
        return true
    }

    private mutating func readNumericDate(first: Int, digits: Int, separator: UInt8) -> Bool {
        guard year == nil, month == nil, day == nil else { return false }
        scanner.advance()
        let (middle, middleDigits) = scanner.readDigits()
        guard middleDigits <= 2, scanner.peek() == separator, DateByteScanner.isDigit(scanner.peek(1)) else {
            return false
        }
        scanner.advance()
        let (last, lastDigits) = scanner.readDigits()
        if digits == 4 {
            guard lastDigits <= 2 else { return false }
            (year, yearDigits, month, day) = (first, 4, middle, last)
            return true
        }
        guard digits <= 2, lastDigits == 2 || lastDigits == 4 else { return false }
        year = last
        yearDigits = lastDigits
        let monthFirst = separator == UInt8(ascii: "/")
        var (monthValue, dayValue) = monthFirst ? (first, middle) : (middle, first)
        if monthValue > 12 && dayValue <= 12 { swap(&monthValue, &dayValue) }
        month = monthValue
        day = dayValue
        return true
    }

    private mutating func placeStandaloneNumber(_ value: Int, digits: Int) -> Bool {
        if digits >= 3 {
            guard year == nil, digits <= 4 else { return false }
            year = value
            yearDigits = digits
            return true
        }
        if skipOrdinalSuffix() {
            guard day == nil else { return false }
            day = value
            return true
        }
        if hour == nil, meridiemFollows() {
            hour = value
            return true
        }
        if day == nil {
            day = value
        } else if year == nil {
            year = value
            yearDigits = digits
        } else {
            return false
        }
        return true
    }

    private func fields() -> ParsedDateFields? {
        guard var fullYear = year, let month else { return nil }
        if yearDigits <= 2 {
            fullYear += fullYear < 50 ? 2000 : 1900
        } else if yearDigits == 3 {
            fullYear += 1900
        }
        var fields = ParsedDateFields()
        fields.year = fullYear
        fields.month = month
        if let day {
            fields.day = day
        } else if hour != nil {
            return nil
        }
        if var hour {
            if let isPM {
                guard hour <= 12 || isPM else { return nil }
                if hour == 12 && !isPM { hour = 0 } else if hour < 12 && isPM { hour += 12 }
            }
            fields.hour = hour
            fields.minute = minute
            fields.second = second
            fields.nanoseconds = nanoseconds
        } else if isPM != nil {
            return nil
        }
        fields.utcOffset = utcOffset ?? 0
        return fields
    }
}
