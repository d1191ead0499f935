/// Where a source's bytes come from.
public enum SourceLocation: Sendable, Equatable {
    /// An http or https feed URL.
    case url(String)
    /// A local file, as an absolute path (the config gives it relative to itself).
    case file(String)
    /// A public Telegram channel name, read through `https://t.me/s/<name>`.
    case telegram(String)

    /// What to show people: the URL, path or `t.me/s/<name>`.
    public var display: String {
        switch self {
        case .url(let url): url
        case .file(let path): path
        case .telegram(let channel): "https://t.me/s/\(channel)"
        }
    }
}
