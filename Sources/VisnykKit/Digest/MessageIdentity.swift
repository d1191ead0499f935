import Foundation

/// Message-IDs and List-Ids for the messages Visnyk sends.
enum MessageIdentity {
    /// `20260202T070005Z.4f3a9c1e0b7d2a66@host`: the time for people, random bits for uniqueness.
    static func messageID(at date: Date, hostName: String) -> String {
        var random = SystemRandomNumberGenerator()
        let bits = String(random.next() as UInt64, radix: 16)
        let stamp = date.formatted(Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)\(month: .twoDigits)\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\(minute: .twoDigits)\(second: .twoDigits)Z",
            timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
        return "\(stamp).\(bits)@\(hostName)"
    }

    /// `<label>.visnyk.<host>`: the digest's name reduced to what a List-Id label may hold
    /// (RFC 2919: dot-atom text); a name with no such character becomes "digest".
    static func listID(digest: String, hostName: String) -> String {
        var label = ""
        var lastWasDash = true
        for scalar in digest.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                label.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                label += "-"
                lastWasDash = true
            }
        }
        while label.hasSuffix("-") { label.removeLast() }
        return "\(label.isEmpty ? "digest" : label).visnyk.\(hostName)"
    }

    /// The machine's host name as the kernel knows it; "localhost" when it has none usable.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return name.isEmpty || !allowed ? "localhost" : name
    }
}
