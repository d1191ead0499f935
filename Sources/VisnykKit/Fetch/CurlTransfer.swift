import CCurl

/// One hop of a ``FetchRequest``: a single GET of `url` (the request's URL or a redirect
/// target) with the easy handle, the callback state it writes into, the request header list and
/// the error buffer, all owned here and freed together. libcurl does not follow redirects;
/// ``RedirectChain`` does, for the blocking and the multi fetcher alike.
///
/// Drive it with `handle.perform()` (blocking), or add ``handle`` to a `curl_multi`, and hand
/// the resulting code to ``RedirectChain/step(_:code:)``.
final class CurlTransfer {
    let request: FetchRequest
    /// The URL this hop requests.
    let url: String
    let handle: EasyHandle
    let state: TransferState
    /// The retain passed to libcurl as callback userdata; released exactly once, in `deinit`.
    private let userdata: Unmanaged<TransferState>
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// Where the socket callback writes a refused private address.
    let refusedAddress: UnsafeMutablePointer<CChar>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?

    /// `timeout` is what is left of the request's whole-transfer budget for this hop.
    init(_ request: FetchRequest, url: String, timeout: Duration, connectTimeout: Duration) throws(FetchError) {
        guard let handle = EasyHandle() else {
            throw FetchError(url: request.url, kind: .transport(
                code: Int(CURLE_FAILED_INIT.rawValue), message: "libcurl could not create a transfer"))
        }
        self.request = request
        self.url = url
        self.handle = handle
        state = TransferState(maxSize: request.maxSize)
        userdata = Unmanaged.passRetained(state)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        refusedAddress = .allocate(capacity: Int(VISNYK_REFUSED_SIZE))
        refusedAddress.initialize(repeating: 0, count: Int(VISNYK_REFUSED_SIZE))
        requestHeaders = Self.headerList(for: request)
        let failed = configure(timeout: timeout, connectTimeout: connectTimeout)
        if failed != CURLE_OK {
            throw FetchError(url: request.url, kind: .transport(
                code: Int(failed.rawValue), message: String(cString: curl_easy_strerror(failed))))
        }
    }

    deinit {
        // Detach everything libcurl could still point at before freeing it.
        _ = handle.set(CURLOPT_ERRORBUFFER, pointer: nil)
        _ = handle.set(CURLOPT_HTTPHEADER, list: nil)
        _ = handle.set(CURLOPT_WRITEDATA, pointer: nil)
        _ = handle.set(CURLOPT_HEADERDATA, pointer: nil)
        _ = handle.set(CURLOPT_OPENSOCKETDATA, pointer: nil)
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
        refusedAddress.deallocate()
        userdata.release()
    }

    /// Sets every option; the first failing code, or `CURLE_OK`.
    private func configure(timeout: Duration, connectTimeout: Duration) -> CURLcode {
        let timeout = Self.milliseconds(timeout)
        let settings: [CURLcode] = [
            handle.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer)),
            handle.set(CURLOPT_NOSIGNAL, 1),
            handle.set(CURLOPT_URL, url),
            handle.set(CURLOPT_PROTOCOLS_STR, "http,https"),
            handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            // Redirects are ours to follow: only we can tell 301/308 chains from 302/307 ones.
            handle.set(CURLOPT_FOLLOWLOCATION, 0),
            handle.set(CURLOPT_ACCEPT_ENCODING, ""),
            handle.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS),
            // In a multi, wait for a TLS connection that may multiplex (HTTP/2 comes only by
            // ALPN) rather than open another. Not for plain http: libcurl 7.88 then parks the
            // transfer until another on that host ends, although HTTP/1.1 is certain.
            handle.set(CURLOPT_PIPEWAIT, url.utf8.prefix(6).map { $0 | 0x20 } == Array("https:".utf8) ? 1 : 0),
            handle.set(CURLOPT_USERAGENT, Self.headerSafe(request.userAgent) ?? FetchRequest.defaultUserAgent),
            handle.set(CURLOPT_HTTPHEADER, list: requestHeaders),
            handle.set(CURLOPT_TIMEOUT_MS, timeout),
            handle.set(CURLOPT_CONNECTTIMEOUT_MS, min(timeout, Self.milliseconds(connectTimeout))),
            handle.set(CURLOPT_MAXFILESIZE_LARGE, int64: Int64(max(1, request.maxSize))),
            handle.set(CURLOPT_WRITEFUNCTION, function: TransferState.writeCallback),
            handle.set(CURLOPT_WRITEDATA, pointer: userdata.toOpaque()),
            handle.set(CURLOPT_HEADERFUNCTION, function: TransferState.headerCallback),
            handle.set(CURLOPT_HEADERDATA, pointer: userdata.toOpaque()),
            request.caFile.map { handle.set(CURLOPT_CAINFO, $0) } ?? CURLE_OK,
            request.allowsPrivateNetworks ? CURLE_OK : visnyk_easy_refuse_private_addresses(handle.pointer, refusedAddress),
        ]
        return settings.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// Accept, plus the validators echoed verbatim; values that could split a header are dropped.
    private static func headerList(for request: FetchRequest) -> UnsafeMutablePointer<curl_slist>? {
        var lines = ["Accept: application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"]
        if let etag = request.etag.flatMap(headerSafe) { lines.append("If-None-Match: \(etag)") }
        if let date = request.lastModified.flatMap(headerSafe) { lines.append("If-Modified-Since: \(date)") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let longer = curl_slist_append(list, line) else { break }
            list = longer
        }
        return list
    }

    /// Nil for empty values and for values with CR, LF or NUL, which would inject header lines.
    static func headerSafe(_ value: String) -> String? {
        guard !value.isEmpty, !value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else { return nil }
        return value
    }

    /// Whole milliseconds, at least 1: libcurl reads 0 as "no timeout".
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 1 }
        let (ms, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return Int.max }
        return Int(max(1, ms.addingReportingOverflow(attoseconds / 1_000_000_000_000_000).partialValue))
    }
}
