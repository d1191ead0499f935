/// Fetches single URLs over HTTP(S) with libcurl: redirects followed, bodies decompressed and
/// capped, conditional GET, and errors that say what went wrong in plain words.
public final class HTTPFetcher: Sendable {
    public init() {}

    /// Blocking fetch of one URL. Call it from a thread of your own (the CLI does), never from
    /// the cooperative pool: it holds the thread for up to `request.timeout`.
    public func fetch(_ request: FetchRequest) throws(FetchError) -> FetchResponse {
        try CurlTransfer(request).perform().get()
    }
}
