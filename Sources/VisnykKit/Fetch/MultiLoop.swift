import CCurl

/// The multi thread's side of ``MultiFetcher``: owns the queue and every transfer, and loops
/// over the inbox, `curl_multi_perform`, `curl_multi_info_read` and `curl_multi_poll` until a
/// shutdown has drained it. Created on that thread and never touched from any other.
final class MultiLoop {
    private let driver: MultiDriver
    private var queue: HostLimitedQueue<FetchJob>
    /// Every job not yet completed, waiting or running, by ID (for cancellation).
    private var jobs: [Int: FetchJob] = [:]
    /// Running jobs by the easy handle of their hop.
    private var active: [UnsafeMutableRawPointer: FetchJob] = [:]
    private var shutdownDeadline: ContinuousClock.Instant?
    /// Longest sleep in `curl_multi_poll`; a wakeup or libcurl's own timers end it sooner.
    private static let pollMilliseconds: Int32 = 1000

    init(driver: MultiDriver, settings: FetcherSettings) {
        self.driver = driver
        queue = HostLimitedQueue(totalLimit: settings.concurrency, perHostLimit: settings.perHost)
    }

    func run() {
        let multi = driver.multi
        while true {
            for command in driver.takeCommands() { handle(command) }
            startWaiting()
            if let deadline = shutdownDeadline {
                if active.isEmpty { break }
                if ContinuousClock.now >= deadline {
                    cancelRunning()
                    break
                }
            }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            if collectFinished() { continue }  // freed slots: start the next transfers right away
            _ = curl_multi_poll(multi, nil, 0, pollTimeout(), nil)
        }
        for job in jobs.values { job.complete(.failure(FetchJob.cancelled(job.chain.request.url))) }
        jobs = [:]
        driver.close()
    }

    private func handle(_ command: MultiDriver.Command) {
        switch command {
        case .submit(let job):
            guard shutdownDeadline == nil else {
                job.complete(.failure(FetchJob.cancelled(job.chain.request.url)))
                return
            }
            jobs[job.id] = job
            job.sequence = queue.enqueue(job, host: job.host)
        case .cancel(let id):
            guard let job = jobs.removeValue(forKey: id) else { return }  // already over
            if let transfer = job.transfer {
                stop(transfer, of: job)
            }
            job.complete(.failure(FetchJob.cancelled(job.chain.request.url)))  // a waiting job is dropped when reached
        case .shutdown(let deadline):
            shutdownDeadline = min(shutdownDeadline ?? deadline, deadline)
            // Not started yet: nothing to finish, so they end now rather than start late.
            for job in queue.removeAllWaiting() where !job.isDone {
                jobs[job.id] = nil
                job.complete(.failure(FetchJob.cancelled(job.chain.request.url)))
            }
        }
    }

    /// Starts waiting jobs while the limits allow.
    private func startWaiting() {
        while let entry = queue.next(isLive: { !$0.isDone }) {
            let job = entry.item
            do throws(FetchError) {
                let transfer = try job.chain.makeTransfer()
                let added = curl_multi_add_handle(driver.multi, transfer.handle.pointer)
                guard added == CURLM_OK else {
                    throw FetchError(url: job.chain.request.url, kind: .transport(
                        code: Int(CURLE_FAILED_INIT.rawValue),
                        message: "libcurl could not start the transfer: " + String(cString: curl_multi_strerror(added))))
                }
                job.transfer = transfer
                active[transfer.handle.pointer] = job
            } catch {
                queue.finished(host: job.host)
                jobs[job.id] = nil
                job.complete(.failure(error))
            }
        }
    }

    /// Handles every transfer libcurl reports done; true if there was any.
    private func collectFinished() -> Bool {
        var any = false
        var left: Int32 = 0
        while let message = curl_multi_info_read(driver.multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let job = active[easy], let transfer = job.transfer else { continue }
            // Read before removing the handle: that frees the message.
            let code = message.pointee.data.result
            any = true
            stop(transfer, of: job)
            switch job.chain.step(transfer, code: code) {
            case .follow:
                job.host = HostKey.of(job.chain.url)
                queue.requeue(job, host: job.host, sequence: job.sequence)
            case .done(let result):
                jobs[job.id] = nil
                job.complete(result)
            }
        }
        return any
    }

    /// Takes a running hop out of the multi and frees its slots; the handle is freed with the transfer.
    private func stop(_ transfer: CurlTransfer, of job: FetchJob) {
        _ = curl_multi_remove_handle(driver.multi, transfer.handle.pointer)
        active[transfer.handle.pointer] = nil
        job.transfer = nil
        queue.finished(host: job.host)
    }

    /// The grace period is over: whatever still runs ends as cancelled.
    private func cancelRunning() {
        for job in Array(active.values) {
            if let transfer = job.transfer { stop(transfer, of: job) }
            jobs[job.id] = nil
            job.complete(.failure(FetchJob.cancelled(job.chain.request.url)))
        }
    }

    private func pollTimeout() -> Int32 {
        guard let deadline = shutdownDeadline else { return Self.pollMilliseconds }
        let left = CurlTransfer.milliseconds(deadline - ContinuousClock.now)
        return Int32(min(Int(Self.pollMilliseconds), left))
    }
}
