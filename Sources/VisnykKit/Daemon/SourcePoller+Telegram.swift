import Foundation

extension SourcePoller {
    /// At most this many pages are read in one poll: the newest one, and older ones with
    /// `?before=` when the channel posted more than a page since the last poll.
    static let telegramMaximumPages = 5
    /// A channel without a web preview is asked again after this (capped by max_backoff), not
    /// on the next interval: previews rarely come back.
    static let telegramPreviewRetry: Duration = .seconds(6 * 3600)

    /// Reads `<telegramBaseURL>/s/<channel>` (a conditional GET, like a feed), and after a gap
    /// the older pages down to the last post read before, already parsed.
    func fetchTelegram(_ channel: String, source: SourceConfig, state: SourceState) async throws(PollFailure) -> FetchedDocument {
        let pageURL = telegramBaseURL + "/s/" + channel
        let first = try await telegramResponse(pageURL, etag: state.etag, lastModified: state.lastModified)
        var document = FetchedDocument(
            bytes: [], contentType: first.contentType, baseURL: first.effectiveURL, status: first.status,
            headers: first.headers, etag: first.etag, lastModified: first.lastModified, permanentURL: nil,
            notModified: first.isNotModified)
        if first.isNotModified { return document }
        try Self.requirePreview(first, channel: channel)
        var parsed = try telegramFeed(first, channel: channel)
        let numbers = Self.postNumbers(parsed)
        document.telegramLastPost = numbers.max()
        if let last = state.telegramLastPost, var before = numbers.min(), before > last + 1 {
            var ids = Set(parsed.entries.map(\.id))
            var pages = 1
            while pages < Self.telegramMaximumPages, before > last + 1 {
                pages += 1
                let older: ParsedFeed
                do {
                    let response = try await telegramResponse(pageURL + "?before=\(before)", etag: nil, lastModified: nil)
                    try Self.requirePreview(response, channel: channel)
                    older = try telegramFeed(response, channel: channel)
                } catch {
                    parsed.warnings.append("reading older posts of @\(channel) stopped: \(error.description)")
                    break
                }
                for entry in older.entries where ids.insert(entry.id).inserted {
                    parsed.entries.append(entry)
                }
                guard let oldest = Self.postNumbers(older).min(), oldest < before else { break }
                before = oldest
            }
            if before > last + 1 {
                parsed.warnings.append("posts \(last + 1) to \(before - 1) of @\(channel) were not read: "
                    + "after a long pause only \(Self.telegramMaximumPages) pages are read back")
            }
        }
        document.parsed = parsed
        return document
    }

    private func telegramResponse(_ url: String, etag: String?, lastModified: String?) async throws(PollFailure) -> FetchResponse {
        let request = config.fetchRequest(url, etag: etag, lastModified: lastModified)
        do {
            return try await fetcher.fetch(request)
        } catch {
            var failure = PollFailure(error.description, status: error.status, retryAfter: error.retryAfter,
                                      isGone: false)
            failure.isCancelled = error.kind == .cancelled
            throw failure
        }
    }

    /// A channel without a web preview redirects away from /s/ to its "open in app" page.
    private static func requirePreview(_ response: FetchResponse, channel: String) throws(PollFailure) {
        guard !response.redirectStatuses.isEmpty, !isChannelPreview(response.effectiveURL) else { return }
        throw previewUnavailable(channel, status: response.status, detail: "t.me sent Visnyk to \(response.effectiveURL) instead")
    }

    private func telegramFeed(_ response: FetchResponse, channel: String) throws(PollFailure) -> ParsedFeed {
        do {
            return try FeedParser.parse(response.body, options: ParseOptions(
                baseURL: response.effectiveURL, contentType: response.contentType, inputName: response.effectiveURL))
        } catch {
            switch error.reason {
            case .telegramPreviewUnavailable:
                throw Self.previewUnavailable(channel, status: response.status, detail: "its page has no posts section")
            case .telegramNoMessages:
                return ParsedFeed(feed: Feed(title: nil, link: "https://t.me/\(channel)", format: .telegram), entries: [])
            default:
                throw PollFailure("\(error)", status: response.status)
            }
        }
    }

    private static func previewUnavailable(_ channel: String, status: Int, detail: String) -> PollFailure {
        PollFailure("Telegram shows no web preview of @\(channel) (\(detail)): its owner turned the preview off, "
            + "or it is not a public channel. Visnyk asks again every few hours; "
            + "remove the source, or set enabled = false, if it stays so",
            status: status, retryAfter: telegramPreviewRetry)
    }

    /// True when the URL's path is under /s/.
    static func isChannelPreview(_ url: String) -> Bool {
        guard let scheme = url.range(of: "://") else { return false }
        let afterHost = url[scheme.upperBound...].drop { $0 != "/" }
        return afterHost.hasPrefix("/s/")
    }

    /// The post numbers of the entries ("channel/123" → 123).
    static func postNumbers(_ parsed: ParsedFeed) -> [Int] {
        parsed.entries.compactMap { entry in
            entry.id.split(separator: "/").last.flatMap { Int($0) }
        }
    }
}
