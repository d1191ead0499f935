import CCurl

/// A failed libcurl SMTP transfer as a ``MailError``: what went wrong with which server, the
/// server's own words when it said something, and what to change.
struct SMTPFailure {
    let transport: SMTPTransport
    let session: SMTPSession
    let code: CURLcode
    let detail: String
    /// The last SMTP reply code libcurl saw (CURLINFO_RESPONSE_CODE), 0 when none.
    let replyCode: Int

    var error: MailError {
        let server = transport.summary
        let said = (session.refusal?.reply ?? session.replies.last).map { " The server said: \"\($0)\"." } ?? ""
        let curl = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        if session.refusedWithoutAuth {
            let offered = session.authOffered ? "it offered AUTH but the login did not succeed" : "it does not offer AUTH"
            return MailError(.authentication, "The message was not sent to \(server): a user name is configured, but \(offered), and Visnyk never sends mail without the login it was told to use. Check the url (the submission port is usually 587), or remove `username` if this server takes mail without a login.")
        }
        switch code {
        case CURLE_LOGIN_DENIED:
            return MailError(.authentication, "\(server) refused the user name and password.\(said) Check `username` and the password file.")
        case CURLE_USE_SSL_FAILED:
            return MailError(.tls, "\(server) does not offer STARTTLS, and Visnyk does not send mail or passwords in plain text.\(said) Use the server's submission port (smtp://host:587) or implicit TLS (smtps://host:465).")
        case CURLE_PEER_FAILED_VERIFICATION:
            return MailError(.tls, "The TLS certificate of \(server) could not be verified: \(curl). Check that the url names the host the certificate is for, or set `ca_file` to the CA that signed it.")
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE:
            return MailError(.tls, "TLS with \(server) failed: \(curl).\(tlsHint)", isPermanent: !tlsHint.isEmpty || code == CURLE_SSL_CACERT_BADFILE)
        case CURLE_COULDNT_RESOLVE_HOST:
            return MailError(.connection, "The host of \(server) could not be found: \(curl). Check the url in [mail] and the DNS.")
        case CURLE_COULDNT_CONNECT:
            return MailError(.connection, "Could not connect to \(server): \(curl). Check the host and port, and that the server is up.")
        case CURLE_OPERATION_TIMEDOUT:
            let silent = session.replies.isEmpty && !transport.implicitTLS
                ? " The server never greeted: if this is an implicit-TLS port (465), use smtps://host:465." : ""
            return MailError(.connection, "\(server) did not finish the SMTP session within \(transport.timeout) (\(curl)).\(silent)")
        default:
            break
        }
        let replyCode = session.refusal.flatMap { Int($0.reply.prefix(3)) } ?? replyCode
        if (400..<600).contains(replyCode) {
            let step = (session.refusal?.command ?? session.lastCommand).map { " after \($0)" } ?? ""
            let advice = replyCode >= 500
                ? " Check the addresses (`from` must be one this account may send as, `to` must exist)."
                : " This is temporary; the digest is tried again later."
            return MailError(.rejected(code: replyCode), "\(server) refused the message\(step) with \(replyCode).\(said)\(advice)")
        }
        return MailError(.connection, "Sending through \(server) failed: \(curl).\(said)")
    }

    /// WRONG_VERSION_NUMBER: TLS spoken to a plain-text port or the other way round.
    private var tlsHint: String {
        guard detail.lowercased().contains("wrong version number") || detail.contains("WRONG_VERSION_NUMBER") else { return "" }
        return transport.implicitTLS
            ? " The server did not answer with TLS: smtps:// on a STARTTLS port? Use smtp://host:587."
            : " smtp:// on an implicit-TLS port? Use smtps://host:465."
    }
}
