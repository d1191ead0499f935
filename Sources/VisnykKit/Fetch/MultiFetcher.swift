import CCurl
import Foundation

/// Fetches many feeds at once over one `curl_multi`, driven by a dedicated thread
/// (notes/swift-c-interop.md §3a), so no transfer ever blocks the cooperative pool.
///
/// Limits: at most `settings.concurrency` transfers in flight, and `settings.perHost` per host;
/// the rest wait first come, first served. Connections (and HTTP/2 streams on them) are reused
/// across fetches through the multi's connection cache. Redirects are followed hop by hop by
/// ``RedirectChain``, exactly as ``HTTPFetcher`` does.
public final class MultiFetcher: Sendable {
    private let driver: MultiDriver
    private let settings: FetcherSettings

    public init(settings: FetcherSettings) throws(FetchError) {
        guard CurlGlobal.ensureInitialized(), let multi = curl_multi_init() else {
            throw FetchError(url: "", kind: .transport(
                code: Int(CURLE_FAILED_INIT.rawValue), message: "libcurl could not be initialized"))
        }
        _ = visnyk_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, settings.perHost)
        _ = visnyk_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, settings.concurrency)
        // Keep as many idle connections as may run at once. By default libcurl sizes its cache
        // by the easy handles in the multi at the moment a transfer ends, and ours come and go
        // with each fetch: with few in the multi, it closed connections the next fetches needed
        // (547 connects for 10,000 fetches of one host in bench/poll, instead of 64).
        _ = visnyk_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, settings.concurrency)
        _ = visnyk_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        self.settings = settings
        driver = MultiDriver(multi: multi)
        let thread = Thread { [driver] in
            MultiLoop(driver: driver, settings: settings).run()
        }
        thread.name = "visnyk-curl-multi"
        thread.start()
    }

    deinit {
        driver.requestShutdown(deadline: .now)
    }

    /// Queues the request (respecting the limits), runs it on the curl_multi thread; follows
    /// redirects itself (FetchResponse.redirectStatuses lists the hops). Cancellable: a
    /// cancelled task's fetch ends at once with `.cancelled`, whether it was waiting or running.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        guard let id = driver.reserveID() else { throw FetchJob.cancelled(request.url) }
        let driver = self.driver
        let connectTimeout = settings.connectTimeout
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: FetchJob.Continuation) in
                driver.submit(FetchJob(id: id, request: request, connectTimeout: connectTimeout, continuation: continuation))
            }
        } onCancel: {
            driver.cancel(id: id)
        }
        return try result.get()
    }

    /// Stops accepting; lets transfers in flight finish up to `grace`, then cancels them.
    /// Fetches still waiting for a slot end with `.cancelled` at once. Returns when the multi
    /// thread has exited; later fetches throw `.cancelled`.
    public func shutdown(grace: Duration) async {
        driver.requestShutdown(deadline: .now + max(grace, .zero))
        await driver.waitForExit()
    }
}
