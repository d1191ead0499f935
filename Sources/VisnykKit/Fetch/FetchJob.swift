/// One ``MultiFetcher/fetch(_:)`` call as the multi thread sees it: the redirect chain, the
/// hop in flight, and the continuation that is resumed exactly once.
///
/// Created by the caller and handed to the multi thread through the locked inbox; from then on
/// only that thread touches it, hence `@unchecked Sendable`.
final class FetchJob: @unchecked Sendable {
    typealias Continuation = CheckedContinuation<Result<FetchResponse, FetchError>, Never>

    let id: Int
    var chain: RedirectChain
    /// The host of the current hop, which holds one of its per-host slots while running.
    var host: String
    /// Place in the queue, kept across redirect hops so a job never loses its turn.
    var sequence = 0
    /// The hop in flight, while its easy handle is in the multi.
    var transfer: CurlTransfer?
    private let continuation: Continuation
    private(set) var isDone = false

    init(id: Int, request: FetchRequest, connectTimeout: Duration, continuation: Continuation) {
        self.id = id
        chain = RedirectChain(request: request, connectTimeout: connectTimeout)
        host = HostKey.of(request.url)
        self.continuation = continuation
    }

    /// Resumes the caller; later calls do nothing.
    func complete(_ result: Result<FetchResponse, FetchError>) {
        guard !isDone else { return }
        isDone = true
        transfer = nil
        continuation.resume(returning: result)
    }

    /// The error a fetch ends with when it is cancelled or the fetcher shuts down.
    static func cancelled(_ url: String) -> FetchError {
        FetchError(url: url, kind: .cancelled)
    }
}
