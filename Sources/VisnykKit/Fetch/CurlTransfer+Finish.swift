import CCurl
import Foundation

extension CurlTransfer {
    /// The status of this hop's final (non-1xx) response; 0 when none arrived.
    var status: Int {
        handle.long(CURLINFO_RESPONSE_CODE) ?? 0
    }

    /// This hop's `Location` field, as sent.
    var location: String? {
        HTTPHeaderName.lastValue(of: "Location", in: state.headers)
    }

    /// This hop as the fetch's final response (any status below 400, 304 included).
    func response(status: Int, redirectStatuses: [Int]) -> FetchResponse {
        let headers = state.headers
        return FetchResponse(
            status: status,
            body: state.body,
            contentType: HTTPHeaderName.lastValue(of: "Content-Type", in: headers),
            effectiveURL: handle.string(CURLINFO_EFFECTIVE_URL) ?? url,
            etag: HTTPHeaderName.lastValue(of: "ETag", in: headers),
            lastModified: HTTPHeaderName.lastValue(of: "Last-Modified", in: headers),
            headers: headers,
            redirectStatuses: redirectStatuses
        )
    }

    /// A final status of 400 or above; 429 and 503 carry the server's Retry-After.
    func httpError(status: Int, now: Date = Date()) -> FetchError {
        var failure = FetchError(url: request.url, kind: .http(status: status))
        if status == 429 || status == 503, let value = HTTPHeaderName.lastValue(of: "Retry-After", in: state.headers) {
            failure.retryAfter = RetryAfter.parse(value, now: now)
        }
        return failure
    }

    /// What a failed `CURLcode` means for the user.
    func error(for code: CURLcode) -> FetchError {
        let kind: FetchError.Kind
        switch code {
        case CURLE_WRITE_ERROR where state.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            kind = .tooLarge(limit: state.maxSize)
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
        case CURLE_UNSUPPORTED_PROTOCOL:
            kind = .unsupportedScheme
        case CURLE_COULDNT_CONNECT where refusedAddress.pointee != 0:
            kind = .privateAddress(String(cString: refusedAddress))
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
