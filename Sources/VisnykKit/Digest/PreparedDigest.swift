/// A digest collected, rendered and composed, but not sent: what `--preview` and `--dry-run`
/// show, and what a delivery sends.
public struct PreparedDigest: Sendable {
    public var content: DigestContent
    public var rendered: RenderedDigest
    public var mail: ComposedMail
    public var timings: Timings

    /// How long each step took: `visnyk digest --timings` and bench/digest show them.
    public struct Timings: Sendable, CustomStringConvertible {
        public var collect: Duration
        public var render: Duration
        public var compose: Duration

        public var description: String {
            "collect \(Self.milliseconds(collect)) ms, render \(Self.milliseconds(render)) ms, compose \(Self.milliseconds(compose)) ms"
        }

        static func milliseconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return String(Int(value.rounded())) + (value < 10 ? "." + String(Int((value * 10).rounded()) % 10) : "")
        }
    }
}
