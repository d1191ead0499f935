import CCurl

/// One configured transfer of a ``FetchRequest``: the easy handle, the callback state it writes
/// into, the request header list and the error buffer, all owned here and freed together.
///
/// Drive it with ``perform()`` (blocking), or add ``handle`` to a `curl_multi` and call
/// ``finish(_:)`` with the code from its `CURLMSG_DONE` message.
final class CurlTransfer {
    let request: FetchRequest
    let handle: EasyHandle
    let state: TransferState
    /// The retain passed to libcurl as callback userdata; released exactly once, in `deinit`.
    private let userdata: Unmanaged<TransferState>
    let errorBuffer: UnsafeMutablePointer<CChar>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?

    init(_ request: FetchRequest) throws(FetchError) {
        guard let handle = EasyHandle() else {
            throw FetchError(url: request.url, kind: .transport(
                code: Int(CURLE_FAILED_INIT.rawValue), message: "libcurl could not create a transfer"))
        }
        self.request = request
        self.handle = handle
        state = TransferState(maxSize: request.maxSize)
        userdata = Unmanaged.passRetained(state)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        requestHeaders = Self.headerList(for: request)
        let failed = configure()
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
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
        userdata.release()
    }

    /// Runs the transfer on the calling thread and interprets the outcome.
    func perform() -> Result<FetchResponse, FetchError> {
        finish(handle.perform())
    }

    /// Sets every option; the first failing code, or `CURLE_OK`.
    private func configure() -> CURLcode {
        let timeout = Self.milliseconds(request.timeout)
        let settings: [CURLcode] = [
            handle.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer)),
            handle.set(CURLOPT_NOSIGNAL, 1),
            handle.set(CURLOPT_URL, request.url),
            handle.set(CURLOPT_PROTOCOLS_STR, "http,https"),
            handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            handle.set(CURLOPT_FOLLOWLOCATION, 1),
            handle.set(CURLOPT_MAXREDIRS, FetchRequest.maxRedirects),
            handle.set(CURLOPT_ACCEPT_ENCODING, ""),
            handle.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS),
            handle.set(CURLOPT_USERAGENT, Self.headerSafe(request.userAgent) ?? FetchRequest.defaultUserAgent),
            handle.set(CURLOPT_HTTPHEADER, list: requestHeaders),
            handle.set(CURLOPT_TIMEOUT_MS, timeout),
            handle.set(CURLOPT_CONNECTTIMEOUT_MS, min(timeout, Self.milliseconds(FetchRequest.connectTimeout))),
            handle.set(CURLOPT_MAXFILESIZE_LARGE, int64: Int64(max(1, request.maxSize))),
            handle.set(CURLOPT_WRITEFUNCTION, function: TransferState.writeCallback),
            handle.set(CURLOPT_WRITEDATA, pointer: userdata.toOpaque()),
            handle.set(CURLOPT_HEADERFUNCTION, function: TransferState.headerCallback),
            handle.set(CURLOPT_HEADERDATA, pointer: userdata.toOpaque()),
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
