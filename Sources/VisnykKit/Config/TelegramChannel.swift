/// Names of public Telegram channels, as a configuration may write them.
enum TelegramChannel {
    private static let linkPrefixes = [
        "https://t.me/s/", "https://t.me/", "http://t.me/s/", "http://t.me/", "t.me/s/", "t.me/",
        "https://telegram.me/s/", "https://telegram.me/", "telegram.me/", "@",
    ]

    /// The channel name in "leopolisnews", "@leopolisnews" or a t.me link; nil when it is not
    /// a valid public name (5 to 32 letters, digits or underscores).
    static func name(from text: String) -> String? {
        var name = Substring(text)
        if let prefix = linkPrefixes.first(where: { text.lowercased().hasPrefix($0) }) {
            name = name.dropFirst(prefix.count)
            while name.hasSuffix("/") { name = name.dropLast() }
        }
        guard (5...32).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            return nil
        }
        return String(name)
    }
}
