/// Tells blocking mail work on its own thread that the task waiting for it was cancelled; the
/// work checks it (libcurl's progress callback) or is told through `onCancel` (a child process).
final class MailCancellation: Sendable {
    private let state = PthreadMutexBox<(cancelled: Bool, onCancel: (@Sendable () -> Void)?)>((false, nil))

    var isCancelled: Bool { state.withLock { $0.cancelled } }

    func cancel() {
        let action = state.withLock { value -> (@Sendable () -> Void)? in
            value.cancelled = true
            defer { value.onCancel = nil }
            return value.onCancel
        }
        action?()
    }

    /// Runs `action` on cancellation, at once if already cancelled.
    func onCancel(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { value -> Bool in
            if value.cancelled { return true }
            value.onCancel = action
            return false
        }
        if runNow { action() }
    }
}
