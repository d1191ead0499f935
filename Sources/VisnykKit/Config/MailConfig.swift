/// The `[mail]` table: how digests leave the machine.
public struct MailConfig: Sendable, Equatable {
    public enum Transport: String, Sendable, Equatable {
        /// libcurl to `url`: smtp:// with STARTTLS required, or smtps:// (implicit TLS).
        case smtp
        /// `sendmail -t -oi` (path `sendmail`).
        case sendmail
        /// Each message written as a file into the Maildir `maildir`.
        case maildir
    }

    /// Whether an smtp:// session must be encrypted.
    public enum TLS: String, Sendable, Equatable {
        /// STARTTLS for smtp://, TLS from the first byte for smtps://; no clear text ever.
        case required
        /// Clear-text SMTP, for a mail server on this machine only (a loopback address, no
        /// username): a local MTA on port 25 that relays onward by its own rules.
        case none
    }

    public var transport: Transport
    public var tls: TLS
    /// smtp: `smtp://host:587` or `smtps://host:465`.
    public var url: String?
    public var username: String?
    /// Absolute; the password is its content without the trailing line break.
    public var passwordFile: String?
    /// Where the password comes from when `password_file` is not given: the file of this name
    /// in `$CREDENTIALS_DIRECTORY` (systemd LoadCredential=), else this environment variable.
    public var credential: String
    public var passwordEnv: String
    /// Absolute; nil: the system's CA store.
    public var caFile: String?
    /// The name given in EHLO; nil: the machine's host name.
    public var ehloName: String?
    /// Absolute path of the sendmail program.
    public var sendmail: String
    /// Absolute path of the Maildir that `maildir` writes into (created when missing).
    public var maildir: String?
    /// The whole SMTP session, connecting included.
    public var timeout: Duration
    /// The line of the `[mail]` header, for messages.
    public var line: Int

    public init(transport: Transport, tls: TLS = .required, url: String? = nil, username: String? = nil,
                passwordFile: String? = nil, credential: String = Defaults.credential,
                passwordEnv: String = Defaults.passwordEnv, caFile: String? = nil,
                ehloName: String? = nil, sendmail: String = Defaults.sendmail,
                maildir: String? = nil, timeout: Duration = Defaults.timeout, line: Int = 0) {
        self.transport = transport
        self.tls = tls
        self.url = url
        self.username = username
        self.passwordFile = passwordFile
        self.credential = credential
        self.passwordEnv = passwordEnv
        self.caFile = caFile
        self.ehloName = ehloName
        self.sendmail = sendmail
        self.maildir = maildir
        self.timeout = timeout
        self.line = line
    }

    public enum Defaults {
        public static let credential = "smtp-password"
        public static let passwordEnv = "VISNYK_SMTP_PASSWORD"
        public static let sendmail = "/usr/sbin/sendmail"
        public static let timeout: Duration = .seconds(120)
    }
}
