extension FetchError {
    public var description: String {
        "\(url): \(explanation)"
    }

    private var explanation: String {
        switch kind {
        case .http(let status):
            return Self.explainHTTP(status: status, retryAfter: retryAfter)
        case .tooLarge(let limit):
            return "the response is larger than the \(Self.byteCount(limit)) limit and was not read; "
                + "if this feed really is that big, raise the size limit"
        case .timeout:
            let limit = timeoutLimit.map { " within \(Self.seconds($0))" } ?? " in time"
            return "the server did not answer\(limit); it may be slow or unreachable, try again later"
        case .unsupportedScheme:
            if let target = redirectTarget {
                return "the server redirected to \(target), but only http:// and https:// URLs are "
                    + "fetched; the feed may have moved, check the URL in a browser"
            }
            return "only http:// and https:// URLs can be fetched, and this URL or a redirect from it "
                + "uses another scheme; check the URL"
        case .tooManyRedirects(let limit):
            let loop = redirectTarget.map { " (last target: \($0))" } ?? ""
            return "the server redirected more than \(limit) times or in a loop\(loop); "
                + "open the URL in a browser to see where it leads"
        case .cancelled:
            return "the fetch was stopped before it finished, because Visnyk is shutting down or "
                + "the poll was cancelled; it will be tried again on the next poll"
        case .transport(let code, let message):
            return Self.explainTransport(code: code, message: message)
        case .privateAddress(let address):
            let hop = redirectTarget.map { " (redirected to \($0))" } ?? ""
            return "the server\(hop) is at \(address), a loopback, private or link-local address, and feeds are "
                + "not fetched from inside your network unless you say so (a feed could point Visnyk at "
                + "internal services); if this source really is on your network, set allow_private_networks = true"
        }
    }

    private static func explainHTTP(status: Int, retryAfter: Duration?) -> String {
        let answered = "the server answered \(status)\(reasonPhrase(status).map { " " + $0 } ?? "")"
        let wait = retryAfter.map { " and to wait \(seconds($0)) before trying again" } ?? ""
        switch status {
        case 404: return answered + "; the feed is not at this address, check the URL"
        case 410: return answered + "; the feed has been removed for good, unsubscribe from it"
        case 401, 403: return answered + "; access was refused, the feed may need a login or block automated readers"
        case 429: return answered + "; it asks us to slow down\(wait); poll this feed less often"
        case 503: return answered + "; it is overloaded or down for maintenance and asks us to slow down\(wait)"
        case 500...599: return answered + "; this is a server error, try again later"
        default: return answered + "; the server refused the request, check the URL"
        }
    }

    private static func explainTransport(code: Int, message: String) -> String {
        let detail = message.isEmpty ? "curl error \(code)" : "curl error \(code): \(message)"
        let advice = switch code {
        case 3: "this is not a valid URL; check it"
        case 5, 6: "the host name could not be resolved; check the URL and your network or DNS"
        case 7: "could not connect; the server may be down, try again later"
        case 60: "the secure (TLS) connection failed: the server's certificate is not signed by an authority this system trusts, or is for another name; check the URL, and if the server uses a certificate authority of your own, name its certificate in ca_file"
        case 35, 53, 54, 58, 59, 64, 66, 77, 80, 83, 90, 91: "the secure (TLS) connection failed; check the URL and the system's CA certificates (or ca_file)"
        case 18, 52, 55, 56, 92: "the connection broke off before the whole response arrived; try again later"
        case 61: "the server sent a body in an encoding that could not be decoded"
        default: "check the URL and your network connection"
        }
        return "\(advice) (\(detail))"
    }

    private static func reasonPhrase(_ status: Int) -> String? {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: nil
        }
    }

    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes)-byte"
    }

    static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        let tenths = fraction / 100_000_000_000_000_000
        return tenths == 0 ? "\(whole) s" : "\(whole).\(tenths) s"
    }
}
