/// A value guarded by a pthread mutex (`PthreadLock`). Used instead of
/// `Synchronization.Mutex`, which ThreadSanitizer reports races inside (it does not model the
/// futex-based lock); see notes/swift-c-interop.md §6.5.
final class PthreadMutexBox<Value>: @unchecked Sendable {
    private let lock = PthreadLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }
}
