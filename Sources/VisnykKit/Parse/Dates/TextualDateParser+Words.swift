extension TextualDateParser {
    mutating func readWord() -> Bool {
        zoneAcceptsNumericOffset = false
        let start = scanner.index
        var isASCII = true
        while !scanner.isAtEnd {
            let byte = scanner.peek()
            if DateByteScanner.isASCIILetter(byte) {
                scanner.advance()
            } else if byte >= 0x80 {
                guard scanner.unicodeSpaceLength() == 0 else { break }
                isASCII = false
                scanner.advance()
            } else if byte == UInt8(ascii: "'") && !isASCII {
                scanner.advance()
            } else {
                break
            }
        }
        let word = UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.index])
        if word.count == 1, isASCII, let handled = readSingleLetterMarker(word[0]) { return handled }
        let meaning = isASCII ? EnglishDateWords.classify(word) : CyrillicDateWords.classify(word)
        switch meaning {
        case .month(let value):
            guard month == nil else { return false }
            month = value
        case .weekday, .filler:
            break
        case .zone(let offset, let acceptsNumericOffset):
            if word.count == 1, hour == nil { return false }
            setNamedZone(offset)
            zoneAcceptsNumericOffset = acceptsNumericOffset && !hasNumericOffset
        case .militaryZone:
            guard hour != nil else { return false }
            setNamedZone(0)
        case .meridiem(let pm):
            guard isPM == nil else { return false }
            isPM = pm
        case nil:
            guard hour != nil, isASCII, looksLikeZoneAbbreviation(word) else { return false }
            setNamedZone(0)
        }
        return true
    }

    /// `T` joining date and time, and `a.m.` / `p.m.`; nil when the letter is neither.
    private mutating func readSingleLetterMarker(_ letter: UInt8) -> Bool? {
        switch letter | 0x20 {
        case UInt8(ascii: "t") where DateByteScanner.isDigit(scanner.peek()):
            return true
        case UInt8(ascii: "a"), UInt8(ascii: "p"):
            guard scanner.peek() == UInt8(ascii: "."), scanner.peek(1) | 0x20 == UInt8(ascii: "m"),
                  !DateByteScanner.isASCIILetter(scanner.peek(2))
            else { return nil }
            scanner.advance(2)
            guard isPM == nil else { return false }
            isPM = letter | 0x20 == UInt8(ascii: "p")
            return true
        default:
            return nil
        }
    }

    private mutating func setNamedZone(_ offset: Int) {
        guard !hasNumericOffset, utcOffset == nil else { return }
        utcOffset = offset
    }

    /// An unknown all-capitals word of 2–5 letters after the time, such as "IST" or "ET".
    private func looksLikeZoneAbbreviation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 2, word.count <= 5 else { return false }
        return word.allSatisfy { $0 &- UInt8(ascii: "A") < 26 }
    }

    /// A sign followed by digits after the time (or right after UT/UTC/GMT) is a zone offset;
    /// otherwise a dash only separates date parts, as in "23-Apr-2025".
    mutating func readSignOrDash() -> Bool {
        let sign = scanner.peek()
        let acceptsOffset = hour != nil || zoneAcceptsNumericOffset
        zoneAcceptsNumericOffset = false
        if acceptsOffset, DateByteScanner.isDigit(scanner.peek(1)) {
            scanner.advance()
            return readNumericOffset(negative: sign == UInt8(ascii: "-"))
        }
        guard sign == UInt8(ascii: "-") else { return false }
        scanner.advance()
        return true
    }

    private mutating func readNumericOffset(negative: Bool) -> Bool {
        guard !hasNumericOffset else { return false }
        let (value, count) = scanner.readDigits()
        var hours = value
        var minutes = 0
        switch count {
        case 1, 2:
            if scanner.peek() == UInt8(ascii: ":"), DateByteScanner.isDigit(scanner.peek(1)) {
                scanner.advance()
                let (minuteValue, minuteDigits) = scanner.readDigits()
                guard minuteDigits == 2 else { return false }
                minutes = minuteValue
            }
        case 3, 4:
            hours = value / 100
            minutes = value % 100
        default:
            return false
        }
        guard hours <= 23, minutes <= 59 else { return false }
        let offset = hours * 3600 + minutes * 60
        utcOffset = negative ? -offset : offset
        hasNumericOffset = true
        return true
    }

    /// Skips "st", "nd", "rd", "th" right after a day number ("23rd").
    mutating func skipOrdinalSuffix() -> Bool {
        let first = scanner.peek() | 0x20
        let second = scanner.peek(1) | 0x20
        guard !DateByteScanner.isASCIILetter(scanner.peek(2)) else { return false }
        switch (first, second) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            scanner.advance(2)
            return true
        default:
            return false
        }
    }

    /// Whether AM/PM (or a.m./p.m.) follows, after optional spaces: then a lone number is an hour.
    func meridiemFollows() -> Bool {
        var ahead = 0
        while DateByteScanner.isASCIISpace(scanner.peek(ahead)) { ahead += 1 }
        let letter = scanner.peek(ahead) | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return false }
        var next = scanner.peek(ahead + 1)
        if next == UInt8(ascii: ".") { next = scanner.peek(ahead + 2); ahead += 1 }
        return next | 0x20 == UInt8(ascii: "m") && !DateByteScanner.isASCIILetter(scanner.peek(ahead + 2))
    }

    /// Skips a parenthesised comment, honouring nesting and backslash quoting (RFC 2822 §3.2.3).
    /// An unclosed comment runs to the end.
    mutating func skipComment(closing: UInt8) {
        let opening = scanner.peek()
        var depth = 0
        while !scanner.isAtEnd {
            let byte = scanner.peek()
            if byte == UInt8(ascii: "\\") {
                scanner.advance(2)
                continue
            }
            scanner.advance()
            if byte == opening {
                depth += 1
            } else if byte == closing {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }
}
