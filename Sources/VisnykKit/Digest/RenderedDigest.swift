/// A digest rendered by its templates, before it becomes a MIME message.
public struct RenderedDigest: Sendable, Equatable {
    /// One line: controls are removed by the renderer.
    public var subject: String
    public var text: String
    public var html: String

    public init(subject: String, text: String, html: String) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}
