import CCurl

extension CurlTransfer {
    /// Turns the transfer's `CURLcode` and what the callbacks collected into a response or an
    /// error. Statuses of 400 and above are errors; 304 is a response.
    func finish(_ code: CURLcode) -> Result<FetchResponse, FetchError> {
        guard code == CURLE_OK else { return .failure(error(for: code)) }
        let status = handle.long(CURLINFO_RESPONSE_CODE) ?? 0
        guard status < 400 else {
            var failure = FetchError(url: request.url, kind: .http(status: status))
            if let wait = handle.int64(CURLINFO_RETRY_AFTER), wait > 0 { failure.retryAfter = .seconds(wait) }
            return .failure(failure)
        }
        let headers = state.headers
        return .success(FetchResponse(
            status: status,
            body: state.body,
            contentType: HTTPHeaderName.lastValue(of: "Content-Type", in: headers),
            effectiveURL: handle.string(CURLINFO_EFFECTIVE_URL) ?? request.url,
            etag: HTTPHeaderName.lastValue(of: "ETag", in: headers),
            lastModified: HTTPHeaderName.lastValue(of: "Last-Modified", in: headers),
            headers: headers,
            redirectStatuses: state.redirectStatuses
        ))
    }

    private func error(for code: CURLcode) -> FetchError {
        let kind: FetchError.Kind
        switch code {
        case CURLE_WRITE_ERROR where state.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            kind = .tooLarge(limit: state.maxSize)
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
        case CURLE_UNSUPPORTED_PROTOCOL:
            kind = .unsupportedScheme
        case CURLE_TOO_MANY_REDIRECTS:
            kind = .tooManyRedirects(limit: FetchRequest.maxRedirects)
        default:
            let message = String(cString: errorBuffer)
            kind = .transport(
                code: Int(code.rawValue),
                message: message.isEmpty ? String(cString: curl_easy_strerror(code)) : message)
        }
        var failure = FetchError(url: request.url, kind: kind)
        if kind == .timeout { failure.timeoutLimit = request.timeout }
        return failure
    }
}
