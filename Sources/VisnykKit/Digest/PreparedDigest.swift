/// A digest collected, rendered and composed, but not sent: what `--preview` and `--dry-run`
/// show, and what a delivery sends.
public struct PreparedDigest: Sendable {
    public var content: DigestContent
    public var rendered: RenderedDigest
    public var mail: ComposedMail
}
