/// A person credited with an entry; at least one field is present.
public struct Author: Sendable, Equatable, Hashable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    public var isEmpty: Bool { name == nil && email == nil && uri == nil }
}
