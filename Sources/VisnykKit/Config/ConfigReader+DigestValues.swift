import Foundation
import TOMLKit

/// The values of a `[[digest]]` table: addresses, times, zone, days and the selection.
extension ConfigReader {
    /// `to`: one address, or an array of them (at least one).
    mutating func recipients(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> [String]? {
        if value.type == .string {
            guard let text = string(value, at: path, example: "\"reader@example.org\""),
                  let recipient = address(text, at: path)
            else { return nil }
            return [recipient]
        }
        let list = strings(value, at: path, example: "[\"reader@example.org\", \"Name <other@example.org>\"]") { reader, text, at in
            reader.address(text, at: at) != nil
        }
        guard let list else { return nil }
        guard !list.isEmpty else {
            report(path, "has no recipients: write to = \"reader@example.org\", or a list of addresses")
            return nil
        }
        return list
    }

    mutating func address(_ text: String, at path: [TOMLPathComponent]) -> String? {
        if let problem = ConfigMailAddress.problem(with: text) {
            report(path, problem)
            return nil
        }
        return String(text.trimmingWhiteSpace())
    }

    /// `at`: one "HH:MM" or an array of them; sorted, duplicates removed.
    mutating func digestTimes(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> [DigestTime]? {
        let check: (inout ConfigReader, String, [TOMLPathComponent]) -> Bool = { reader, text, at in
            guard DigestTime(parsing: text) != nil else {
                reader.report(at, "\"\(text)\" is not a time of day: write \"HH:MM\", 00:00 to 23:59, like at = \"07:30\"")
                return false
            }
            return true
        }
        let texts: [String]?
        switch value.type {
        case .string:
            guard let text = string(value, at: path, example: "\"07:30\""), check(&self, text, path) else { return nil }
            texts = [text]
        case .time, .dateTime:
            report(path, "write the time in quotes, as \"HH:MM\", like at = \"07:30\"")
            texts = nil
        default:
            texts = strings(value, at: path, example: "[\"07:30\", \"19:00\"]", check: check)
        }
        guard let texts else { return nil }
        guard !texts.isEmpty else {
            report(path, "has no times: write at = \"07:30\", or a list of times like [\"07:30\", \"19:00\"]")
            return nil
        }
        return Set(texts.compactMap(DigestTime.init(parsing:))).sorted()
    }

    /// `timezone`: an IANA zone this system knows.
    mutating func timeZoneName(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let name = string(value, at: path, example: "\"Europe/Kyiv\"") else { return nil }
        guard TimeZone(identifier: name) == nil else { return name }
        if let suggestion = Self.closestZone(to: name) {
            report(path, "\"\(name)\" is not a time zone: did you mean \"\(suggestion)\"?")
        } else {
            report(path, "\"\(name)\" is not a time zone: write an IANA zone name, like \"Europe/Kyiv\" or \"America/New_York\" (timedatectl list-timezones lists them)")
        }
        return nil
    }

    /// "europe/kyiv", "Kyiv", "New York", "Europe/Kyv" → the zone meant.
    private static func closestZone(to name: String) -> String? {
        let zones = TimeZone.knownTimeZoneIdentifiers
        let folded = name.lowercased().replacingOccurrences(of: " ", with: "_")
        if let zone = zones.first(where: { $0.lowercased() == folded || $0.lowercased().hasSuffix("/" + folded) }) {
            return zone
        }
        return ConfigKeys.closestName(to: folded, among: zones)
    }

    /// `days`: names of weekdays, at least one.
    mutating func weekdays(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> Set<Weekday>? {
        let names = strings(value, at: path, example: "[\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]") { reader, name, at in
            guard Weekday(name: name) != nil else {
                let folded = name.lowercased()
                if folded.count >= 2, let day = Weekday.allCases.first(where: { $0.fullName.hasPrefix(folded) }) {
                    reader.report(at, "\"\(name)\" is not a day of the week: did you mean \"\(day.shortName)\"? (days are mon, tue, wed, thu, fri, sat and sun, or the full English names)")
                } else {
                    reader.report(at, "\"\(name)\" is not a day of the week: write mon, tue, wed, thu, fri, sat or sun (or the full English names)")
                }
                return false
            }
            return true
        }
        guard let names else { return nil }
        guard !names.isEmpty else {
            report(path, "names no day: remove days to send every day, or list the days, like days = [\"mon\", \"fri\"]")
            return nil
        }
        return Set(names.compactMap(Weekday.init(name:)))
    }

    /// `sources`: names of configured sources.
    mutating func selectedSources(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent], among names: [String]) -> [String]? {
        let known = Set(names)
        return strings(value, at: path, example: "[\"Leopolis.news\"]") { reader, name, at in
            guard !known.contains(name) else { return true }
            let folded = name.lowercased()
            let containing = folded.isEmpty ? [] : names.filter { $0.lowercased().contains(folded) }
            if let suggestion = ConfigKeys.closestName(to: name, among: names) ?? (containing.count == 1 ? containing.first : nil) {
                reader.report(at, "no source is named \"\(name)\": did you mean \"\(suggestion)\"?")
            } else {
                reader.report(at, "no source is named \"\(name)\": write the name of a [[source]] exactly as its name = says")
            }
            return false
        }
    }

    /// `tags`: tags that at least one source carries.
    mutating func selectedTags(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent], among tags: Set<String>) -> [String]? {
        strings(value, at: path, example: "[\"ukraine\"]") { reader, tag, at in
            guard !tags.contains(tag) else { return true }
            if let suggestion = ConfigKeys.closestName(to: tag, among: tags.sorted()) {
                reader.report(at, "no source has the tag \"\(tag)\": did you mean \"\(suggestion)\"?")
            } else {
                reader.report(at, "no source has the tag \"\(tag)\": add it to the tags of a [[source]], or remove it here")
            }
            return false
        }
    }

    /// `include`, `exclude`: patterns as `strip` writes them.
    mutating func articlePatterns(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> [String]? {
        strings(value, at: path, example: "[\"Львів\", \"/^Sport/i\"]") { reader, spec, at in
            do {
                _ = try StripPattern(spec)
                return true
            } catch {
                reader.report(at, "\(error): write literal text, or a regular expression between slashes, like \"/^Sport/i\"")
                return false
            }
        }
    }
}
