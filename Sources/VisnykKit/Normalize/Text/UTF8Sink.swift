/// A growable byte buffer for building normalized UTF-8 without per-byte capacity checks:
/// callers reserve room for a whole scalar's output first, then write unchecked. Bulk writers
/// may also write at `base + count` directly and then set `count`, within the reserved room.
struct UTF8Sink: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    mutating func appendUnchecked(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends `scalar` encoded as UTF-8; room for 4 bytes must have been reserved.
    @inline(__always)
    mutating func appendUnchecked(scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            appendUnchecked(UInt8(truncatingIfNeeded: scalar))
        case ..<0x800:
            appendUnchecked(UInt8(truncatingIfNeeded: 0xC0 | scalar &>> 6))
            appendUnchecked(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        case ..<0x10000:
            appendUnchecked(UInt8(truncatingIfNeeded: 0xE0 | scalar &>> 12))
            appendUnchecked(UInt8(truncatingIfNeeded: 0x80 | scalar &>> 6 & 0x3F))
            appendUnchecked(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        default:
            appendUnchecked(UInt8(truncatingIfNeeded: 0xF0 | scalar &>> 18))
            appendUnchecked(UInt8(truncatingIfNeeded: 0x80 | scalar &>> 12 & 0x3F))
            appendUnchecked(UInt8(truncatingIfNeeded: 0x80 | scalar &>> 6 & 0x3F))
            appendUnchecked(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }

    /// Appends `bytes` verbatim.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Calls `body` with the bytes written so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes written after the first `byteCount`.
    mutating func truncate(to byteCount: Int) {
        count = min(count, max(0, byteCount))
    }

    /// The bytes written so far as a String (the sink only ever holds whole scalars).
    func makeString() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }
}
