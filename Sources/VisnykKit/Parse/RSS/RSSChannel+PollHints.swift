/// The polling hints of an RSS channel as written: `<ttl>`, `<skipHours>`, `<skipDays>`
/// (RSS 0.91/2.0) and `sy:updatePeriod` / `sy:updateFrequency` (the syndication module, in
/// any RSS). The two sy: elements may come in either order, so they are combined at the end.
struct RSSPollHintWire {
    var ttlMinutes: Int?
    var skipHours: Set<Int> = []
    var skipDays: Set<Int> = []
    var updatePeriodSeconds: Int?
    var updateFrequency: Int?

    /// A year: anything longer is as good as "rarely", and keeps Durations far from overflow.
    static let longestHintSeconds = 366 * 86_400

    var hints: FeedPollHints {
        var hints = FeedPollHints(skipHours: skipHours, skipDays: skipDays)
        if let ttlMinutes {
            hints.ttl = .seconds(min(ttlMinutes * 60, Self.longestHintSeconds))
        }
        if updatePeriodSeconds != nil || updateFrequency != nil {
            // The module's defaults: daily, once.
            let period = updatePeriodSeconds ?? 86_400
            hints.updatePeriod = .seconds(period) / (updateFrequency ?? 1)
        }
        return hints
    }
}

extension RSSParser {
    /// A channel child in the RSS core namespace that the article model does not use.
    func readPollHint(_ child: XMLElement, into wire: inout RSSPollHintWire) {
        // Names outside the parser's fixed set get ids past it: the hint names are among them.
        guard child.name.id >= XMLName.known.count else { return }
        switch child.nameString {
        case "ttl":
            if let minutes = positiveInteger(child.trimmedText) {
                wire.ttlMinutes = min(minutes, RSSPollHintWire.longestHintSeconds / 60)
            }
        case "skipHours":
            for hour in child.elements where hour.nameString == "hour" {
                // "The hour beginning at midnight is hour zero"; some feeds write it as 24.
                if let n = nonNegativeInteger(hour.trimmedText), n <= 24 { wire.skipHours.insert(n % 24) }
            }
        case "skipDays":
            for day in child.elements where day.nameString == "day" {
                if let n = Self.weekday(day.trimmedText) { wire.skipDays.insert(n) }
            }
        default:
            break
        }
    }

    /// A child in the syndication module's namespace.
    func readSyndication(_ child: XMLElement, into wire: inout RSSPollHintWire) {
        guard child.name.id >= XMLName.known.count else { return }
        switch child.nameString {
        case "updatePeriod":
            switch child.trimmedText?.lowercased() {
            case "hourly": wire.updatePeriodSeconds = 3_600
            case "daily": wire.updatePeriodSeconds = 86_400
            case "weekly": wire.updatePeriodSeconds = 7 * 86_400
            case "monthly": wire.updatePeriodSeconds = 30 * 86_400
            case "yearly": wire.updatePeriodSeconds = 365 * 86_400
            default: break
            }
        case "updateFrequency":
            if let n = positiveInteger(child.trimmedText) { wire.updateFrequency = n }
        default:
            break
        }
    }

    /// 1 = Sunday … 7 = Saturday, as Calendar numbers weekdays.
    static func weekday(_ name: String?) -> Int? {
        switch name?.lowercased() {
        case "sunday": 1
        case "monday": 2
        case "tuesday": 3
        case "wednesday": 4
        case "thursday": 5
        case "friday": 6
        case "saturday": 7
        default: nil
        }
    }

    private func positiveInteger(_ text: String?) -> Int? {
        guard let n = nonNegativeInteger(text), n > 0 else { return nil }
        return n
    }

    private func nonNegativeInteger(_ text: String?) -> Int? {
        // Digits only, at most nine: no signs, no overflow, no "1e9".
        guard let text, !text.isEmpty, text.utf8.count <= 9,
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }
}
