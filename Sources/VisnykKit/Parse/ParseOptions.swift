/// What the parser needs to know beyond the bytes.
public struct ParseOptions: Sendable {
    /// The URL the document was fetched from, or given by the user, for relative URLs.
    public var baseURL: String?
    /// The HTTP Content-Type, for its charset parameter (the format is sniffed from content).
    public var contentType: String?
    /// Configured boilerplate patterns: matching lines leave `text` and the content hash.
    public var strip: [StripPattern]
    /// How to name the input in messages (file name or URL).
    public var inputName: String

    public init(baseURL: String? = nil, contentType: String? = nil, strip: [StripPattern] = [],
                inputName: String = "input") {
        self.baseURL = baseURL
        self.contentType = contentType
        self.strip = strip
        self.inputName = inputName
    }
}
