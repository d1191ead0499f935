import Foundation

extension SourcePoller {
    /// The bytes of one poll: a conditional GET for URL sources, a stat-then-read for files.
    func fetch(_ source: SourceConfig, state: SourceState) async throws(PollFailure) -> FetchedDocument {
        switch source.location {
        case .file(let path):
            return try FileSourceReader(maxSize: config.maxDownloadSize).read(path, previousStamp: state.lastModified)
        case .telegram(let channel):
            return try await fetchTelegram(channel, source: source, state: state)
        case .url:
            let url = Self.currentURL(of: source, state: state) ?? ""
            let request = config.fetchRequest(url, etag: state.etag, lastModified: state.lastModified)
            let response: FetchResponse
            do {
                response = try await fetcher.fetch(request)
            } catch {
                var failure = PollFailure(error.description, status: error.status, retryAfter: error.retryAfter,
                                          isGone: error.status == 410)
                failure.isCancelled = error.kind == .cancelled
                throw failure
            }
            return FetchedDocument(
                bytes: response.body, contentType: response.contentType, baseURL: response.effectiveURL,
                status: response.status, headers: response.headers,
                etag: response.etag, lastModified: response.lastModified,
                permanentURL: response.isPermanentlyRedirected ? response.effectiveURL : nil,
                notModified: response.isNotModified)
        }
    }
}
