/// Ukrainian and Russian month names (genitive as in "23 квітня 2025", nominative, and the
/// usual abbreviations), weekday names and filler words ("р."/"року", "г."/"года", "о", "в").
/// Matching is case-insensitive, ignores apostrophes ("п'ятниця", "пʼятниця") and takes a
/// Latin "i" inside a Cyrillic word for "і".
enum CyrillicDateWords {
    static func classify(_ word: UnsafeBufferPointer<UInt8>) -> DateWord? {
        guard word.count <= 40, let key = foldedKey(word) else { return nil }
        return table[key]
    }

    /// Lower-cases Cyrillic capitals (U+0400–U+042F, Ґ) in UTF-8 and drops apostrophes;
    /// nil for any other non-ASCII scalar, which cannot be part of a known word anyway.
    private static func foldedKey(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var key: [UInt8] = []
        key.reserveCapacity(word.count)
        var index = 0
        while index < word.count {
            let lead = word[index]
            if lead < 0x80 {
                // Latin "i" typed for Ukrainian "і" is a common slip ("квiтня").
                if lead | 0x20 == UInt8(ascii: "i") {
                    key += [0xD1, 0x96]
                } else if lead != UInt8(ascii: "'") {
                    key.append(lead | 0x20)
                }
                index += 1
                continue
            }
            guard index + 1 < word.count else { return nil }
            let trail = word[index + 1]
            switch lead {
            case 0xD0 where trail >= 0x80 && trail <= 0x8F: key += [0xD1, trail + 0x10]
            case 0xD0 where trail >= 0x90 && trail <= 0x9F: key += [0xD0, trail + 0x20]
            case 0xD0 where trail >= 0xA0 && trail <= 0xAF: key += [0xD1, trail - 0x20]
            case 0xD0, 0xD1: key += [lead, trail]
            case 0xD2 where trail == 0x90 || trail == 0x91: key += [0xD2, 0x91]
            case 0xCA where trail == 0xBC: break
            case 0xE2 where trail == 0x80 && index + 2 < word.count && word[index + 2] == 0x99:
                index += 3
                continue
            default: return nil
            }
            index += 2
        }
        return key
    }

    private static let monthForms: [[String]] = [
        ["січня", "січень", "січ", "января", "январь", "янв"],
        ["лютого", "лютий", "лют", "февраля", "февраль", "фев", "февр"],
        ["березня", "березень", "бер", "марта", "март", "мар"],
        ["квітня", "квітень", "квіт", "кві", "апреля", "апрель", "апр"],
        ["травня", "травень", "трав", "тра", "мая", "май"],
        ["червня", "червень", "черв", "чер", "июня", "июнь", "июн"],
        ["липня", "липень", "лип", "июля", "июль", "июл"],
        ["серпня", "серпень", "серп", "сер", "августа", "август", "авг"],
        ["вересня", "вересень", "вер", "сентября", "сентябрь", "сен", "сент"],
        ["жовтня", "жовтень", "жовт", "жов", "октября", "октябрь", "окт"],
        ["листопада", "листопад", "лист", "лис", "ноября", "ноябрь", "ноя", "нояб"],
        ["грудня", "грудень", "груд", "гру", "декабря", "декабрь", "дек"],
    ]

    private static let weekdayForms = [
        "понеділок", "вівторок", "середа", "четвер", "пятниця", "субота", "неділя",
        "пн", "вт", "ср", "чт", "пт", "сб", "нд",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "вс",
    ]

    private static let fillerForms = ["р", "рік", "року", "г", "год", "года", "о", "об", "в", "во"]

    private static let table: [[UInt8]: DateWord] = {
        var table: [[UInt8]: DateWord] = [:]
        for (index, forms) in monthForms.enumerated() {
            for form in forms { table[Array(form.utf8)] = .month(index + 1) }
        }
        for form in weekdayForms { table[Array(form.utf8)] = .weekday }
        for form in fillerForms { table[Array(form.utf8)] = .filler }
        return table
    }()
}
