import Foundation

/// Runs blocking work (a libcurl transfer, a child process, file writes with fsync) on a thread
/// of its own, so that it never holds one of the few cooperative-pool threads.
enum MailThread {
    static func run<Value: Sendable>(_ name: String, _ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.name = name
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// `run` for work that throws a ``MailError``.
    static func run(_ name: String, _ work: @escaping @Sendable () -> MailError?) async throws(MailError) {
        let failure: MailError? = await run(name, work)
        if let failure { throw failure }
    }
}
