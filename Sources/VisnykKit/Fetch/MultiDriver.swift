import CCurl

/// What callers share with the multi thread: the `CURLM*` (only woken from outside) and the
/// locked inbox of commands. Everything else lives on the thread, in ``MultiLoop``.
final class MultiDriver: @unchecked Sendable {
    enum Command {
        case submit(FetchJob)
        case cancel(id: Int)
        case shutdown(deadline: ContinuousClock.Instant)
    }

    private struct Inbox {
        var commands: [Command] = []
        var accepting = true
        /// The thread has exited and the multi handle is gone: nothing may touch it.
        var closed = false
        var nextID = 0
        /// IDs handed out whose jobs have not been submitted yet, and those of them cancelled:
        /// a task cancelled before its job exists must still end with `.cancelled`.
        var reserved: Set<Int> = []
        var cancelledEarly: Set<Int> = []
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// `CURLM` is `typedef void`. Used from other threads only by `curl_multi_wakeup`, under the
    /// inbox lock and only while not `closed`; the man page allows calling it from any thread.
    let multi: UnsafeMutableRawPointer
    private let inbox = PthreadMutexBox(Inbox())

    init(multi: UnsafeMutableRawPointer) {
        self.multi = multi
    }

    /// An ID for a fetch about to be submitted; nil once shutdown has begun.
    func reserveID() -> Int? {
        inbox.withLock { inbox in
            guard inbox.accepting else { return nil }
            let id = inbox.nextID
            inbox.nextID += 1
            inbox.reserved.insert(id)
            return id
        }
    }

    func submit(_ job: FetchJob) {
        let refused = inbox.withLock { inbox -> Bool in
            inbox.reserved.remove(job.id)
            guard inbox.cancelledEarly.remove(job.id) == nil, inbox.accepting, !inbox.closed else { return true }
            send(.submit(job), in: &inbox)
            return false
        }
        if refused { job.complete(.failure(FetchJob.cancelled(job.chain.request.url))) }
    }

    func cancel(id: Int) {
        inbox.withLock { inbox in
            if inbox.reserved.contains(id) {
                inbox.cancelledEarly.insert(id)
            } else {
                send(.cancel(id: id), in: &inbox)
            }
        }
    }

    /// Stops accepting fetches and tells the thread to wind down by `deadline`.
    func requestShutdown(deadline: ContinuousClock.Instant) {
        inbox.withLock { inbox in
            inbox.accepting = false
            send(.shutdown(deadline: deadline), in: &inbox)
        }
    }

    /// Returns once the thread has exited.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let exited = inbox.withLock { inbox -> Bool in
                if inbox.closed { return true }
                inbox.exitWaiters.append(continuation)
                return false
            }
            if exited { continuation.resume() }
        }
    }

    /// For the thread: the commands sent since the last call, in order.
    func takeCommands() -> [Command] {
        inbox.withLock { inbox in
            defer { inbox.commands.removeAll(keepingCapacity: true) }
            return inbox.commands
        }
    }

    /// For the thread, as it exits: no more wakeups, then the multi handle is freed and
    /// whatever is still waiting is told the fetcher is gone.
    func close() {
        let (leftovers, waiters) = inbox.withLock { inbox in
            inbox.closed = true
            inbox.accepting = false
            defer { inbox.commands = []; inbox.exitWaiters = [] }
            return (inbox.commands, inbox.exitWaiters)
        }
        curl_multi_cleanup(multi)
        for case .submit(let job) in leftovers {
            job.complete(.failure(FetchJob.cancelled(job.chain.request.url)))
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Only the first command since the thread last took them wakes it: that wakeup is still
    /// pending (or the thread is on its way to `takeCommands`), so later ones need none.
    private func send(_ command: Command, in inbox: inout Inbox) {
        guard !inbox.closed else { return }
        let isFirst = inbox.commands.isEmpty
        inbox.commands.append(command)
        if isFirst { curl_multi_wakeup(multi) }
    }
}
