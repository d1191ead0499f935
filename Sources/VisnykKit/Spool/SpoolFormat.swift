/// How each spooled article is written: the article JSON of DESIGN.md, or an RFC 5322 message
/// (which makes the spool a Maildir that any mail client can open).
public enum SpoolFormat: String, Sendable, CaseIterable {
    case json
    case eml

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }
}
