import Foundation

extension HTTPFetcher {
    /// Fetches one URL without blocking the cooperative pool: the transfer runs on a dedicated
    /// thread, which resumes the caller when it ends. Cancelling the task does not stop the
    /// transfer early; `request.timeout` bounds it.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>) in
            let thread = Thread { [self] in
                let result: Result<FetchResponse, FetchError>
                do throws(FetchError) {
                    result = .success(try self.fetch(request))
                } catch {
                    result = .failure(error)
                }
                continuation.resume(returning: result)
            }
            thread.name = "visnyk-fetch"
            thread.start()
        }
        return try result.get()
    }
}
