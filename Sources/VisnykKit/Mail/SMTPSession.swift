import CCurl
import Foundation

/// One SMTP delivery on one libcurl easy handle, run to its end on the calling thread.
///
/// libcurl skips AUTH without a word when the server does not offer it, so the session
/// watches the conversation (CURLOPT_DEBUGFUNCTION): with credentials set, the message is
/// sent only after the server answered AUTH with 235. Otherwise the transfer is aborted before
/// RCPT (progress callback) or at the latest before the first byte of DATA (read callback).
final class SMTPSession {
    private let transport: SMTPTransport
    private let mail: ComposedMail
    private let cancellation: MailCancellation
    private var offset = 0
    /// The last server reply lines, for error messages.
    private(set) var replies: [String] = []
    /// The last command sent: the verb only (AUTH carries the password), MAIL and RCPT whole.
    private(set) var lastCommand: String?
    /// The first 4xx/5xx reply and the command it answered (libcurl sends QUIT after it).
    private(set) var refusal: (command: String?, reply: String)?
    private(set) var authOffered = false
    private(set) var authenticated = false
    private(set) var refusedWithoutAuth = false
    private var pendingIn: [UInt8] = []

    init(transport: SMTPTransport, mail: ComposedMail, cancellation: MailCancellation) {
        self.transport = transport
        self.mail = mail
        self.cancellation = cancellation
    }

    var requiresAuth: Bool { transport.credentials != nil }

    /// nil when the server accepted the message.
    func perform() -> MailError? {
        if cancellation.isCancelled {
            return MailError(.cancelled, "Sending through \(transport.summary) was cancelled before it started; the message is sent again later.")
        }
        guard let handle = EasyHandle() else {
            return MailError(.connection, "Could not start libcurl for \(transport.summary) (out of memory?).")
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        var recipients: UnsafeMutablePointer<curl_slist>?
        for recipient in mail.recipients {
            guard let list = curl_slist_append(recipients, "<\(recipient)>") else { break }
            recipients = list
        }
        defer { curl_slist_free_all(recipients) }
        guard recipients != nil else {
            return MailError(.configuration, "The message \(mail.messageID) has no recipients; set `to` in the digest.")
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        let milliseconds = Int(timeoutMilliseconds)
        var codes: [CURLcode] = [
            handle.set(CURLOPT_URL, transport.sessionURL),
            handle.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer)),
            handle.set(CURLOPT_NOSIGNAL, 1),
            handle.set(CURLOPT_MAIL_FROM, "<\(mail.envelopeFrom)>"),
            handle.set(CURLOPT_MAIL_RCPT, list: recipients),
            handle.set(CURLOPT_UPLOAD, 1),
            visnyk_easy_setopt_readfn(handle.pointer, CURLOPT_READFUNCTION, Self.readCallback),
            handle.set(CURLOPT_READDATA, pointer: me),
            handle.set(CURLOPT_VERBOSE, 1),
            visnyk_easy_setopt_debugfn(handle.pointer, CURLOPT_DEBUGFUNCTION, Self.debugCallback),
            handle.set(CURLOPT_DEBUGDATA, pointer: me),
            handle.set(CURLOPT_NOPROGRESS, 0),
            visnyk_easy_setopt_xferinfofn(handle.pointer, CURLOPT_XFERINFOFUNCTION, Self.progressCallback),
            handle.set(CURLOPT_XFERINFODATA, pointer: me),
            handle.set(CURLOPT_TIMEOUT_MS, milliseconds),
            handle.set(CURLOPT_CONNECTTIMEOUT_MS, min(milliseconds, 30_000)),
            handle.set(CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2),
        ]
        if !transport.implicitTLS && !transport.clearText {
            codes.append(handle.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        }
        if let caFile = transport.caFile { codes.append(handle.set(CURLOPT_CAINFO, caFile)) }
        if let credentials = transport.credentials {
            codes.append(handle.set(CURLOPT_USERNAME, credentials.username))
            codes.append(handle.set(CURLOPT_PASSWORD, credentials.password))
        }
        if let failed = codes.first(where: { $0 != CURLE_OK }) {
            return MailError(.configuration, "libcurl refused an SMTP option for \(transport.summary): \(String(cString: curl_easy_strerror(failed))). Is libcurl built with SMTP and TLS support?")
        }
        let code = handle.perform()
        guard code != CURLE_OK else { return nil }
        if code == CURLE_ABORTED_BY_CALLBACK, cancellation.isCancelled, !refusedWithoutAuth {
            return MailError(.cancelled, "Sending through \(transport.summary) was cancelled before the server accepted the message; it is sent again later.")
        }
        let detail = String(cString: errorBuffer)
        return SMTPFailure(transport: transport, session: self, code: code, detail: detail,
                           replyCode: handle.long(CURLINFO_RESPONSE_CODE) ?? 0).error
    }

    private var timeoutMilliseconds: Int64 {
        let parts = transport.timeout.components
        return max(1000, parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
    }

    /// Copies the next piece of the message into libcurl's buffer.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        if requiresAuth, !authenticated {
            refusedWithoutAuth = true
            return Int(CURL_READFUNC_ABORT)
        }
        if cancellation.isCancelled { return Int(CURL_READFUNC_ABORT) }
        let count = min(capacity, mail.bytes.count - offset)
        guard count > 0 else { return 0 }
        mail.bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// Nonzero aborts the transfer: once MAIL FROM went out without a successful AUTH, or when
    /// the sending task was cancelled (libcurl calls this at least once a second).
    func progress() -> Int32 {
        refusedWithoutAuth || cancellation.isCancelled ? 1 : 0
    }

    /// Server reply lines (CURLINFO_HEADER_IN) and sent commands (CURLINFO_HEADER_OUT).
    func observe(_ type: curl_infotype, _ bytes: UnsafeRawBufferPointer) {
        switch type {
        case CURLINFO_HEADER_IN:
            pendingIn += bytes
            while let end = pendingIn.firstIndex(of: 0x0A) {
                let line = String(decoding: pendingIn[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                pendingIn.removeSubrange(...end)
                receive(line)
            }
        case CURLINFO_HEADER_OUT:
            let text = String(decoding: bytes.prefix(64), as: UTF8.self)
            var verb = text.split(whereSeparator: { $0.isWhitespace || $0 == ":" }).first.map { $0.uppercased() } ?? ""
            // Anything else is an AUTH continuation: base64 of the user name or the password.
            if !Self.verbs.contains(verb) { verb = "AUTH" }
            lastCommand = verb == "MAIL" || verb == "RCPT" ? String(text.prefix { !$0.isNewline }) : verb
            if verb == "EHLO" { authOffered = false }
            if verb == "MAIL", requiresAuth, !authenticated { refusedWithoutAuth = true }
        default:
            break
        }
    }

    private static let verbs: Set<String> = ["EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT", "VRFY"]

    private func receive(_ line: String) {
        replies.append(MailHeader.clean(String(line.prefix(300))))
        if replies.count > 12 { replies.removeFirst() }
        let upper = line.uppercased()
        if upper.hasPrefix("250-AUTH") || upper.hasPrefix("250 AUTH") { authOffered = true }
        if line.hasPrefix("235") { authenticated = true }
        let code = line.utf8.prefix(3)
        if refusal == nil, code.count == 3, code.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
           code.first == UInt8(ascii: "4") || code.first == UInt8(ascii: "5") {
            refusal = (lastCommand, replies[replies.count - 1])
        }
    }
}
