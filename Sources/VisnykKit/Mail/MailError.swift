/// Why a message could not be composed or delivered, in plain words: what failed (the server
/// URL and its reply, the program, the directory) and what to do about it.
public struct MailError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An address that cannot be used (no "@", controls, non-ASCII).
        case address
        /// The mail settings are unusable (URL, EHLO name, missing password, bad program path).
        case configuration
        /// The server refused the user name and password, or offered no way to log in.
        case authentication
        /// TLS could not be set up or the certificate could not be verified.
        case tls
        /// The server answered a command with a 4xx (transient) or 5xx (permanent) reply.
        case rejected(code: Int)
        /// The connection failed or timed out; trying later may work.
        case connection
        /// sendmail failed, or the Maildir could not be written.
        case delivery
        /// The task sending the message was cancelled (Visnyk is stopping); nothing was sent.
        case cancelled
    }

    public var kind: Kind
    public var description: String
    /// True when retrying soon cannot help: configuration and credential problems, addresses,
    /// 5xx replies. False for network trouble, timeouts and 4xx replies.
    public var isPermanent: Bool

    public init(_ kind: Kind, _ description: String, isPermanent: Bool? = nil) {
        self.kind = kind
        self.description = description
        switch kind {
        case .address, .configuration, .authentication, .tls:
            self.isPermanent = isPermanent ?? true
        case .rejected(let code):
            self.isPermanent = isPermanent ?? (code >= 500)
        case .connection, .delivery, .cancelled:
            self.isPermanent = isPermanent ?? false
        }
    }
}
