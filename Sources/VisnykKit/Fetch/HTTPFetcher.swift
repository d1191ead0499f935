/// Fetches single URLs over HTTP(S) with libcurl: redirects followed (by ``RedirectChain``),
/// bodies decompressed and capped, conditional GET, and errors that say what went wrong in
/// plain words. For many feeds at once, use ``MultiFetcher``.
public final class HTTPFetcher: Sendable {
    public init() {}

    /// Blocking fetch of one URL. Call it from a thread of your own (the CLI does), never from
    /// the cooperative pool: it holds the thread for up to `request.timeout`.
    public func fetch(_ request: FetchRequest) throws(FetchError) -> FetchResponse {
        var chain = RedirectChain(request: request)
        while true {
            let transfer = try chain.makeTransfer()
            switch chain.step(transfer, code: transfer.handle.perform()) {
            case .follow: continue
            case .done(let result): return try result.get()
            }
        }
    }
}
