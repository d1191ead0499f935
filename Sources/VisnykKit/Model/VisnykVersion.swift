/// The program's version, as it appears in the User-Agent and in `visnyk --version`.
public enum VisnykVersion {
    public static let current = "0.1"

    /// The home page named in the default User-Agent.
    public static let homepage = "https://github.com/visnyk/visnyk"

    /// The honest User-Agent of the fetching etiquette: `visnyk/VERSION (+contactURL)`.
    public static func userAgent(contactURL: String) -> String {
        "visnyk/\(current) (+\(contactURL))"
    }
}
